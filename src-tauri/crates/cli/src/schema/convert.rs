//! A JSON Schema (draft 2020-12) from the specta description of a Rust type: the same description
//! the desktop's TypeScript bindings are generated from, with serde's names (`camelCase` fields,
//! `snake_case` codes, internally tagged enums). Named types go to `$defs`.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use specta::datatype::{
    DataType, EnumRepr, EnumType, EnumVariants, Field, LiteralType, PrimitiveType, StructFields,
};
use specta::{Generics, Type, TypeCollection};

/// The schema of `T`, with every named type it uses under `$defs`.
pub fn schema_of<T: Type>(title: &str, description: &str) -> Value {
    let mut b = Builder::default();
    let root = b.add::<T>();
    b.finish(title, description, root)
}

/// Schemas of several types sharing one `$defs` (an output object made of several values).
#[derive(Default)]
pub struct Builder {
    types: TypeCollection,
    defs: BTreeMap<String, Value>,
}

impl Builder {
    /// `T`'s schema; the named types it uses are kept for `$defs`.
    pub fn add<T: Type>(&mut self) -> Value {
        let root = T::inline(&mut self.types, Generics::Definition);
        let mut c = Converter {
            types: &self.types,
            defs: &mut self.defs,
        };
        c.convert(&root, &BTreeMap::new())
    }

    /// The document: `$schema`, the title and description, `root` and the `$defs`.
    pub fn finish(self, title: &str, description: &str, mut root: Value) -> Value {
        if let Some(o) = root.as_object_mut() {
            let mut head = Map::new();
            head.insert(
                "$schema".to_owned(),
                json!("https://json-schema.org/draft/2020-12/schema"),
            );
            head.insert("title".to_owned(), json!(title));
            head.insert("description".to_owned(), json!(description));
            head.extend(std::mem::take(o));
            *o = head;
            if !self.defs.is_empty() {
                o.insert("$defs".to_owned(), json!(self.defs));
            }
        }
        root
    }
}

struct Converter<'a> {
    types: &'a TypeCollection,
    defs: &'a mut BTreeMap<String, Value>,
}

type Subst = BTreeMap<String, Value>;

impl Converter<'_> {
    fn convert(&mut self, dt: &DataType, subst: &Subst) -> Value {
        match dt {
            DataType::Any | DataType::Unknown => json!({}),
            DataType::Primitive(p) => primitive(p),
            DataType::Literal(l) => literal(l),
            DataType::List(l) => json!({ "type": "array", "items": self.convert(l.ty(), subst) }),
            DataType::Map(m) => {
                json!({ "type": "object", "additionalProperties": self.convert(m.value_ty(), subst) })
            }
            DataType::Nullable(inner) => {
                json!({ "anyOf": [self.convert(inner, subst), { "type": "null" }] })
            }
            DataType::Struct(s) => self.fields(
                s.fields(),
                s.tag().map(|t| (t.as_ref(), s.name().as_ref())),
                subst,
            ),
            DataType::Enum(e) => self.enumeration(e, subst),
            DataType::Tuple(t) => match t.elements().as_slice() {
                [] => json!({ "type": "null" }),
                items => {
                    let items: Vec<Value> = items.iter().map(|i| self.convert(i, subst)).collect();
                    json!({ "type": "array", "prefixItems": items, "minItems": items.len(), "maxItems": items.len() })
                }
            },
            DataType::Reference(r) => {
                let Some(def) = self.types.get(r.sid()) else {
                    return json!({});
                };
                if r.generics().is_empty() {
                    let name = def.name().to_string();
                    if !self.defs.contains_key(&name) {
                        // Placeholder first: a type may refer to itself.
                        self.defs.insert(name.clone(), json!({}));
                        let inner = def.inner.clone();
                        let mut schema = self.convert(&inner, &Subst::new());
                        if !def.docs().is_empty()
                            && let Some(o) = schema.as_object_mut()
                        {
                            o.insert("description".to_owned(), json!(def.docs().trim()));
                        }
                        self.defs.insert(name.clone(), schema);
                    }
                    json!({ "$ref": format!("#/$defs/{name}") })
                } else {
                    // A generic type (`Page<T>`): inlined with its arguments.
                    let subst: Subst = r
                        .generics()
                        .iter()
                        .map(|(g, t)| (g.to_string(), self.convert(t, subst)))
                        .collect();
                    let inner = def.inner.clone();
                    self.convert(&inner, &subst)
                }
            }
            DataType::Generic(g) => subst
                .get(&g.to_string())
                .cloned()
                .unwrap_or_else(|| json!({})),
        }
    }

    fn field(&mut self, f: &Field, subst: &Subst) -> Option<(Value, bool)> {
        let ty = f.ty()?;
        let mut schema = self.convert(ty, subst);
        if !f.docs().is_empty()
            && let Some(o) = schema.as_object_mut()
            && !o.contains_key("$ref")
        {
            o.insert("description".to_owned(), json!(f.docs().trim()));
        }
        // serde reads a missing `Option` as `None` and a `#[serde(default)]` field as its default.
        let required = !f.optional() && !matches!(ty, DataType::Nullable(_));
        Some((schema, required))
    }

    /// An object of named fields (with serde's tag when it has one), an unnamed field's own schema,
    /// or null for a unit.
    fn fields(&mut self, fields: &StructFields, tag: Option<(&str, &str)>, subst: &Subst) -> Value {
        match fields {
            StructFields::Unit => json!({ "type": "null" }),
            StructFields::Unnamed(u) => match u.fields().as_slice() {
                [one] => self.field(one, subst).map_or_else(|| json!({}), |(s, _)| s),
                many => {
                    let items: Vec<Value> = many
                        .iter()
                        .filter_map(|f| self.field(f, subst).map(|(s, _)| s))
                        .collect();
                    json!({ "type": "array", "prefixItems": items })
                }
            },
            StructFields::Named(n) => {
                let mut properties = Map::new();
                let mut required = Vec::new();
                let mut flattened = Vec::new();
                if let Some((tag, value)) = tag {
                    properties.insert(tag.to_owned(), json!({ "const": value }));
                    required.push(json!(tag));
                }
                for (name, f) in n.fields() {
                    let Some((schema, needed)) = self.field(f, subst) else {
                        continue;
                    };
                    if f.flatten() {
                        flattened.push(schema);
                        continue;
                    }
                    if needed {
                        required.push(json!(name));
                    }
                    properties.insert(name.to_string(), schema);
                }
                let object =
                    json!({ "type": "object", "properties": properties, "required": required });
                if flattened.is_empty() {
                    object
                } else {
                    flattened.insert(0, object);
                    json!({ "allOf": flattened })
                }
            }
        }
    }

    fn enumeration(&mut self, e: &EnumType, subst: &Subst) -> Value {
        let variants: Vec<_> = e.variants().iter().filter(|(_, v)| !v.skip()).collect();
        let all_unit = variants
            .iter()
            .all(|(_, v)| matches!(v.inner(), EnumVariants::Unit));
        if all_unit && matches!(e.repr(), EnumRepr::External) {
            let names: Vec<&str> = variants.iter().map(|(n, _)| n.as_ref()).collect();
            return json!({ "type": "string", "enum": names });
        }
        let mut one_of = Vec::new();
        for (name, v) in variants {
            let body = match v.inner() {
                EnumVariants::Unit => None,
                EnumVariants::Named(n) => {
                    Some(self.fields(&StructFields::Named(n.clone()), None, subst))
                }
                EnumVariants::Unnamed(u) => {
                    Some(self.fields(&StructFields::Unnamed(u.clone()), None, subst))
                }
            };
            let schema = match (e.repr(), body) {
                (EnumRepr::External, None) => json!({ "const": name }),
                (EnumRepr::External, Some(b)) => {
                    json!({ "type": "object", "properties": { name.as_ref(): b }, "required": [name] })
                }
                (EnumRepr::Internal { tag }, body) => {
                    let mut object = body
                        .filter(|b| b.get("type") == Some(&json!("object")))
                        .unwrap_or_else(
                            || json!({ "type": "object", "properties": {}, "required": [] }),
                        );
                    if let Some(o) = object.as_object_mut() {
                        if let Some(p) = o.get_mut("properties").and_then(Value::as_object_mut) {
                            p.insert(tag.to_string(), json!({ "const": name }));
                        }
                        if let Some(r) = o.get_mut("required").and_then(Value::as_array_mut) {
                            r.insert(0, json!(tag));
                        }
                    }
                    object
                }
                (EnumRepr::Adjacent { tag, content }, body) => {
                    let mut properties = Map::new();
                    properties.insert(tag.to_string(), json!({ "const": name }));
                    let mut required = vec![json!(tag)];
                    if let Some(b) = body {
                        properties.insert(content.to_string(), b);
                        required.push(json!(content));
                    }
                    json!({ "type": "object", "properties": properties, "required": required })
                }
                (EnumRepr::Untagged, body) => body.unwrap_or_else(|| json!({ "type": "null" })),
            };
            one_of.push(schema);
        }
        json!({ "oneOf": one_of })
    }
}

fn primitive(p: &PrimitiveType) -> Value {
    use PrimitiveType as P;
    match p {
        P::i8 | P::i16 | P::i32 | P::i64 | P::i128 | P::isize => json!({ "type": "integer" }),
        P::u8 | P::u16 | P::u32 | P::u64 | P::u128 | P::usize => {
            json!({ "type": "integer", "minimum": 0 })
        }
        P::f32 | P::f64 => json!({ "type": "number" }),
        P::bool => json!({ "type": "boolean" }),
        P::char | P::String => json!({ "type": "string" }),
    }
}

fn literal(l: &LiteralType) -> Value {
    use LiteralType as L;
    match l {
        L::i8(v) => json!({ "const": v }),
        L::i16(v) => json!({ "const": v }),
        L::i32(v) => json!({ "const": v }),
        L::u8(v) => json!({ "const": v }),
        L::u16(v) => json!({ "const": v }),
        L::u32(v) => json!({ "const": v }),
        L::f32(v) => json!({ "const": v }),
        L::f64(v) => json!({ "const": v }),
        L::bool(v) => json!({ "const": v }),
        L::String(v) => json!({ "const": v }),
        L::char(v) => json!({ "const": v.to_string() }),
        L::None => json!({ "type": "null" }),
        _ => json!({}),
    }
}
