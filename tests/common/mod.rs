//! Helpers shared by the corpus tests: every path of a JSON tree, and a copy with one value
//! replaced (wrong types at every field).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::json::Json;

pub(crate) fn paths(value: &Json, path: String, out: &mut Vec<String>) {
    match value {
        Json::Object(members) => {
            for (key, v) in members {
                let p = if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                };
                out.push(p.clone());
                paths(v, p, out);
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                out.push(p.clone());
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

/// A copy of `value` with the value at `target` replaced by `replacement`.
pub(crate) fn replaced(value: &Json, path: &str, target: &str, replacement: &Json) -> Json {
    if path == target {
        return replacement.clone();
    }
    match value {
        Json::Object(members) => Json::Object(
            members
                .iter()
                .map(|(k, v)| {
                    let p = if path.is_empty() {
                        k.to_string()
                    } else {
                        format!("{path}.{k}")
                    };
                    (k.clone(), replaced(v, &p, target, replacement))
                })
                .collect(),
        ),
        Json::Array(items) => Json::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| replaced(v, &format!("{path}[{i}]"), target, replacement))
                .collect(),
        ),
        other => other.clone(),
    }
}

pub(crate) fn same_kind(a: &Json, b: &Json) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

pub(crate) fn find<'a>(value: &'a Json, target: &str) -> &'a Json {
    fn go<'a>(value: &'a Json, path: &str, target: &str) -> Option<&'a Json> {
        if path == target {
            return Some(value);
        }
        match value {
            Json::Object(members) => members.iter().find_map(|(k, v)| {
                let p = if path.is_empty() {
                    k.to_string()
                } else {
                    format!("{path}.{k}")
                };
                go(v, &p, target)
            }),
            Json::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, v)| go(v, &format!("{path}[{i}]"), target)),
            _ => None,
        }
    }
    go(value, "", target).expect("path exists")
}
