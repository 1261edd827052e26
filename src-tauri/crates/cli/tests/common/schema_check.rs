//! A JSON Schema check for the subset `xueji schema` writes: `type`, `const`, `enum`, `anyOf`,
//! `oneOf`, `allOf`, `$ref` into `$defs`, `properties`, `required`, `items`, `prefixItems`,
//! `additionalProperties` and `minimum`. Enough to hold every example and output to its schema.

use serde_json::Value;

/// The problems of `value` against `schema` (empty when it fits), each with its JSON path.
pub fn problems(schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(schema, schema, value, "$", &mut out);
    out
}

fn type_fits(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn check(root: &Value, s: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        match root.get("$defs").and_then(|d| d.get(name)) {
            Some(def) => check(root, def, v, at, out),
            None => out.push(format!("{at}: unknown $ref {r}")),
        }
        return;
    }
    if let Some(t) = s.get("type").and_then(Value::as_str)
        && !type_fits(t, v)
    {
        out.push(format!("{at}: expected {t}, got {v}"));
        return;
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        out.push(format!("{at}: expected {c}, got {v}"));
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        out.push(format!("{at}: {v} is not one of {e:?}"));
    }
    if let Some(min) = s.get("minimum").and_then(Value::as_f64)
        && v.as_f64().is_some_and(|n| n < min)
    {
        out.push(format!("{at}: {v} is below {min}"));
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = s.get(key).and_then(Value::as_array) {
            let fits = options
                .iter()
                .filter(|o| problems_at(root, o, v, at).is_empty())
                .count();
            if fits == 0 || (key == "oneOf" && fits > 1) {
                out.push(format!("{at}: {fits} of the {key} options fit {v}"));
            }
        }
    }
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        for o in all {
            check(root, o, v, at, out);
        }
    }
    if let Some(o) = v.as_object() {
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(name) = r.as_str()
                && !o.contains_key(name)
            {
                out.push(format!("{at}: missing {name}"));
            }
        }
        let properties = s.get("properties").and_then(Value::as_object);
        for (k, child) in o {
            match properties.and_then(|p| p.get(k)) {
                Some(ps) => check(root, ps, child, &format!("{at}.{k}"), out),
                None => {
                    if let Some(extra) = s.get("additionalProperties") {
                        check(root, extra, child, &format!("{at}.{k}"), out);
                    }
                }
            }
        }
    }
    if let Some(items) = v.as_array() {
        if let Some(prefix) = s.get("prefixItems").and_then(Value::as_array) {
            for (i, (p, item)) in prefix.iter().zip(items).enumerate() {
                check(root, p, item, &format!("{at}[{i}]"), out);
            }
        } else if let Some(each) = s.get("items") {
            for (i, item) in items.iter().enumerate() {
                check(root, each, item, &format!("{at}[{i}]"), out);
            }
        }
    }
}

fn problems_at(root: &Value, s: &Value, v: &Value, at: &str) -> Vec<String> {
    let mut out = Vec::new();
    check(root, s, v, at, &mut out);
    out
}
