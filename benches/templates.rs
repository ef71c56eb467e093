//! Hostile templates are refused or stopped quickly: 5,000 nested `if`s, 16 nested loops, and
//! a two-level loop over 10,000 rows that hits the render budget.

use criterion::{criterion_group, criterion_main, Criterion};
use overdue::core::letters::template::{Context, Template, Value};
use overdue::core::letters::variables::Catalogue;
use std::collections::BTreeMap;
use std::time::Duration;

fn bench_templates(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_templates");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    let ifs = "{% if today %}".repeat(5000) + &"{% endif %}".repeat(5000);
    group.bench_function("check_5000_nested_ifs", |b| {
        b.iter(|| Template::check(&ifs, &Catalogue).is_err())
    });
    let loops = "{% for row in statement %}".repeat(16) + "x" + &"{% endfor %}".repeat(16);
    group.bench_function("check_16_nested_loops", |b| {
        b.iter(|| Template::check(&loops, &Catalogue).is_err())
    });
    let template = Template::parse(
        "{% for a in rows %}{% for b in rows %}{{ a.n }}{{ b.n }}{% endfor %}{% endfor %}",
    )
    .expect("a valid template");
    let row: BTreeMap<String, String> = [("n".to_string(), "0123456789".to_string())].into();
    let mut values = Context::new();
    values.insert("rows".into(), Value::List(vec![row; 10_000]));
    group.bench_function("render_budget_10000_squared", |b| {
        b.iter(|| template.render(&values).is_err())
    });
    group.finish();
}

criterion_group!(benches, bench_templates);
criterion_main!(benches);
