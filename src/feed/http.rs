//! The HTTP side of the feed server: one route, conditional requests, gzip.
use super::cache::{FeedCache, Rendered};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;
use std::time::SystemTime;

pub(super) fn router(cache: Arc<FeedCache>) -> Router {
    Router::new()
        .route("/feeds/{file}", get(feed))
        .fallback(not_found)
        .with_state(cache)
}

async fn not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "not found\n")
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut r = Response::new(Body::from(text));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// `GET` (and `HEAD`, which axum answers with the same headers and no body) of one feed.
async fn feed(
    State(cache): State<Arc<FeedCache>>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = file.strip_suffix(".ics").filter(|t| !t.is_empty()) else {
        return not_found().await;
    };
    let rendered = match cache.lookup(token) {
        Ok(Some(r)) => r,
        Ok(None) => return not_found().await,
        Err(e) => {
            eprintln!("cadence feed: {e}");
            return plain(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n");
        }
    };
    let gzip = accepts_gzip(&headers);
    if not_modified(&headers, &rendered) {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        validators(r.headers_mut(), &rendered, gzip);
        return r;
    }
    let body = if gzip {
        rendered.gzip()
    } else {
        rendered.body.clone()
    };
    let len = body.len();
    let mut r = Response::new(Body::from(body));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    validators(h, &rendered, gzip);
    r
}

fn validators(h: &mut HeaderMap, r: &Rendered, gzip: bool) {
    let etag = if gzip { &r.etag_gzip } else { &r.etag };
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    let modified = httpdate::fmt_http_date(SystemTime::from(r.last_modified));
    if let Ok(v) = HeaderValue::from_str(&modified) {
        h.insert(header::LAST_MODIFIED, v);
    }
    // Clients may keep the body but must ask again (a cheap 304) before using it.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
}

/// RFC 9110 §13.2.2: `If-None-Match` when present (either representation's ETag, weak or
/// strong, or `*`), else `If-Modified-Since`.
fn not_modified(headers: &HeaderMap, r: &Rendered) -> bool {
    let inm: Vec<&str> = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    if !inm.is_empty() {
        return inm.iter().flat_map(|v| v.split(',')).any(|tag| {
            let tag = tag.trim();
            let tag = tag.strip_prefix("W/").unwrap_or(tag);
            tag == "*" || tag == r.etag || tag == r.etag_gzip
        });
    }
    headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .is_some_and(|since| SystemTime::from(r.last_modified) <= since)
}

/// Whether `Accept-Encoding` allows gzip (a `q=0` refuses it; `*` accepts it).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    let mut gzip: Option<bool> = None;
    let mut star = false;
    for value in headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
    {
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q_zero = parts.any(|p| {
                let p = p.trim();
                p.strip_prefix("q=")
                    .or_else(|| p.strip_prefix("Q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            match name.as_str() {
                "gzip" | "x-gzip" => gzip = Some(!q_zero),
                "*" => star = !q_zero,
                _ => {}
            }
        }
    }
    gzip.unwrap_or(star)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.append(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn gzip_negotiation() {
        assert!(accepts_gzip(&h(&[(
            "accept-encoding",
            "gzip, deflate, br"
        )])));
        assert!(accepts_gzip(&h(&[(
            "accept-encoding",
            "br;q=1.0, GZIP;q=0.5"
        )])));
        assert!(accepts_gzip(&h(&[("accept-encoding", "*")])));
        assert!(!accepts_gzip(&h(&[("accept-encoding", "gzip;q=0, *")])));
        assert!(!accepts_gzip(&h(&[("accept-encoding", "identity")])));
        assert!(!accepts_gzip(&h(&[])));
    }
}
