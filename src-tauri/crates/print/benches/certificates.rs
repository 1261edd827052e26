//! Benchmark: 500 certificates into one PDF, and one single certificate.
//! Run: `cargo bench -p xueji-print --bench certificates`. Prints time and size of each.
//! `cargo test -p xueji-print --bench certificates` (what `cargo xtask test` does) is a smoke run
//! with 20 certificates: it checks that the benchmark still runs and prints its figures.

use std::time::Instant;

use xueji_print::layout::Sheets;
use xueji_print::{Document, batch, font, render, samples};

/// `cargo bench` passes `--bench` and gets the full size; `cargo test --benches` passes nothing and
/// gets a smoke run.
fn full_size() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn main() -> Result<(), xueji_print::PrintError> {
    let full = full_size();
    let count: usize = std::env::var("XUEJI_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 500 } else { 20 });
    if !full {
        println!(
            "smoke run (cargo test): the figures are not the benchmark's; `cargo bench` measures"
        );
    }
    let t = Instant::now();
    font::font()?;
    println!(
        "font parse (once per process): {:.3} s",
        t.elapsed().as_secs_f64()
    );

    let certs = (0..count)
        .map(samples::certificate)
        .collect::<Result<Vec<_>, _>>()?;

    let t = Instant::now();
    let pdf = batch::render_all(&certs, &mut |_, _| {})?;
    let batch_time = t.elapsed().as_secs_f64();
    println!(
        "{count} certificates, one PDF ({} with a photo): {batch_time:.3} s, {} KB",
        certs.iter().filter(|c| c.photo.is_some()).count(),
        pdf.len() / 1024
    );

    let no_photos: Vec<_> = certs
        .iter()
        .cloned()
        .map(|mut c| {
            c.photo = None;
            c
        })
        .collect();
    let t = Instant::now();
    let pdf = batch::render_all(&no_photos, &mut |_, _| {})?;
    println!(
        "{count} certificates, one PDF (no photos): {:.3} s, {} KB",
        t.elapsed().as_secs_f64(),
        pdf.len() / 1024
    );

    let t = Instant::now();
    let mut sheets = Sheets::new("bench")?;
    for cert in &no_photos {
        sheets.begin_document();
        cert.draw(&mut sheets)?;
    }
    let drawn = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let pdf = sheets.finish();
    println!(
        "  of which drawing {drawn:.3} s, serialising and subsetting {:.3} s ({} KB)",
        t.elapsed().as_secs_f64(),
        pdf.len() / 1024
    );

    let mut best = f64::MAX;
    let mut size = 0;
    for i in 0..5 {
        let t = Instant::now();
        let one = render(&certs[i % 2])?;
        best = best.min(t.elapsed().as_secs_f64());
        size = one.len();
    }
    println!(
        "1 certificate: {:.1} ms (best of 5), {} KB",
        best * 1000.0,
        size / 1024
    );
    Ok(())
}
