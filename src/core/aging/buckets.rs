//! Aging buckets: `current`, then one bucket per edge of days overdue, then the rest.

/// One column of the aging table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The stable id, such as `31-60` or `120+` (the `data-bucket` hook).
    pub id: String,
    /// A name for people, such as `31–60 days`.
    pub label: String,
    /// A short heading for narrow columns, such as `31–60`.
    pub short: String,
}

/// The bucket edges: upper bounds in days overdue, strictly ascending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buckets {
    edges: Vec<u32>,
}

impl Default for Buckets {
    fn default() -> Self {
        Buckets {
            edges: vec![30, 60, 90, 120],
        }
    }
}

impl Buckets {
    /// Accepts one to eight strictly ascending positive edges, such as `[30, 60, 90, 120]`.
    pub fn new(edges: Vec<u32>) -> Result<Buckets, String> {
        if edges.is_empty() || edges.len() > 8 {
            return Err("give between one and eight bucket edges, such as 30, 60, 90, 120".into());
        }
        if edges[0] == 0 {
            return Err("bucket edges must be whole days above zero".into());
        }
        if let Some(pair) = edges.windows(2).find(|pair| pair[0] >= pair[1]) {
            return Err(format!(
                "bucket edges must go up: {} is not more than {}",
                pair[1], pair[0]
            ));
        }
        Ok(Buckets { edges })
    }

    /// Parses edges typed as `15, 30, 45, 60`.
    pub fn parse(text: &str) -> Result<Buckets, String> {
        let edges = text
            .split(',')
            .map(|part| {
                part.trim()
                    .parse::<u32>()
                    .map_err(|_| format!("\"{}\" is not a whole number of days", part.trim()))
            })
            .collect::<Result<Vec<u32>, String>>()?;
        Buckets::new(edges)
    }

    /// The edges.
    pub fn edges(&self) -> &[u32] {
        &self.edges
    }

    /// How many buckets there are (`current` plus one per edge plus the last).
    pub fn len(&self) -> usize {
        self.edges.len() + 2
    }

    /// Never true: there is always at least `current` and one more.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The bucket that `days` overdue falls in: zero or less is `current`.
    pub fn index_of(&self, days: i64) -> usize {
        if days <= 0 {
            return 0;
        }
        1 + self
            .edges
            .iter()
            .take_while(|edge| days > i64::from(**edge))
            .count()
    }

    /// The buckets with their ids and labels.
    pub fn buckets(&self) -> Vec<Bucket> {
        let mut buckets = vec![Bucket {
            id: "current".into(),
            label: "Current".into(),
            short: "Current".into(),
        }];
        let mut low = 1;
        for edge in &self.edges {
            buckets.push(Bucket {
                id: format!("{low}-{edge}"),
                label: format!("{low}–{edge} days"),
                short: format!("{low}–{edge}"),
            });
            low = edge + 1;
        }
        let last = self.edges.last().copied().unwrap_or_default();
        buckets.push(Bucket {
            id: format!("{last}+"),
            label: format!("Over {last} days"),
            short: format!("{last}+"),
        });
        buckets
    }
}
