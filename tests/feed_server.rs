//! The live feed server on a free loopback port: 200, 304 (ETag and date), 404 for revoked and
//! unknown tokens and every other path, HEAD, gzip, updates after an edit, and stopping.
mod common;

use cadence::feed::{serve, ServeOptions};
use cadence::model::*;
use cadence::service::input_of;
use common::ics_text::vevents;
use common::open_temp;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr};

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn request(agent: &ureq::Agent, method: &str, url: &str, headers: &[(&str, &str)]) -> Answer {
    let mut req = ureq::http::Request::builder().method(method).uri(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut resp = agent
        .run(req.body(()).expect("request"))
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let status = resp.status().as_u16();
    let body = resp
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_vec()
        .expect("body");
    Answer {
        status,
        headers,
        body,
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

#[test]
fn the_feed_server_answers_200_304_404_head_and_gzip_then_stops() {
    let (_dir, cadence) = open_temp();
    let plan = cadence::demo::create_sample(&cadence, common::date("2026-12-02")).expect("demo");
    let feed = cadence
        .create_feed(&FeedInput {
            name: "Tout le plan".into(),
            filter: ExportFilter::for_plan(&plan.id),
        })
        .expect("feed");
    let other = cadence
        .create_feed(&FeedInput {
            name: "Brouillons compris".into(),
            filter: ExportFilter {
                include_drafts: true,
                ..ExportFilter::for_plan(&plan.id)
            },
        })
        .expect("feed");
    let server = serve(
        &cadence,
        &ServeOptions {
            port: 0,
            ..ServeOptions::default()
        },
    )
    .expect("serve");
    let addr = server.addr();
    assert!(addr.ip().is_loopback() && addr.port() != 0);
    let base = format!("http://{addr}");
    let url = server.urls(&feed).http;
    assert_eq!(url, format!("{base}/feeds/{}.ics", feed.token));
    assert!(server.urls(&feed).webcal.starts_with("webcal://127.0.0.1:"));
    let a = agent();

    // 200 with the export's bytes and validators.
    let full = request(&a, "GET", &url, &[]);
    assert_eq!(full.status, 200);
    assert_eq!(
        full.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert_eq!(full.header("content-encoding"), None);
    let etag = full.header("etag").expect("ETag").to_owned();
    let modified = full
        .header("last-modified")
        .expect("Last-Modified")
        .to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    let mut direct = Vec::new();
    cadence
        .export_ics(&feed.filter, &mut direct)
        .expect("export");
    assert_eq!(full.body, direct, "the feed is the export");
    assert_eq!(vevents(&full.body).len(), 13);
    let drafts = request(&a, "GET", &server.urls(&other).http, &[]);
    assert_eq!(drafts.status, 200);
    assert_eq!(
        vevents(&drafts.body).len(),
        20,
        "each feed has its own filters"
    );

    // 304 on If-None-Match (strong, weak, in a list, *) and on If-Modified-Since.
    for inm in [
        etag.clone(),
        format!("W/{etag}"),
        format!("\"other\", {etag}"),
        "*".into(),
    ] {
        let r = request(&a, "GET", &url, &[("If-None-Match", &inm)]);
        assert_eq!(r.status, 304, "If-None-Match: {inm}");
        assert!(r.body.is_empty());
        assert_eq!(r.header("etag"), Some(etag.as_str()));
    }
    let r = request(&a, "GET", &url, &[("If-Modified-Since", &modified)]);
    assert_eq!(r.status, 304, "If-Modified-Since: {modified}");
    let r = request(
        &a,
        "GET",
        &url,
        &[("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")],
    );
    assert_eq!(r.status, 200);
    let r = request(
        &a,
        "GET",
        &url,
        &[
            ("If-None-Match", "\"stale\""),
            ("If-Modified-Since", &modified),
        ],
    );
    assert_eq!(r.status, 200, "If-None-Match wins over If-Modified-Since");

    // HEAD: the same headers, no body.
    let head = request(&a, "HEAD", &url, &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("etag"), Some(etag.as_str()));
    assert_eq!(
        head.header("content-length"),
        Some(full.body.len().to_string().as_str())
    );
    assert_eq!(
        head.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );

    // gzip when asked, and only then.
    let gz = request(&a, "GET", &url, &[("Accept-Encoding", "gzip, deflate")]);
    assert_eq!(gz.status, 200);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gz.header("vary"), Some("Accept-Encoding"));
    assert!(gz.body.len() < full.body.len() / 2);
    assert_eq!(gunzip(&gz.body), full.body);
    let gz_etag = gz.header("etag").expect("etag").to_owned();
    assert_ne!(gz_etag, etag, "each representation has its own ETag");
    let r = request(
        &a,
        "GET",
        &url,
        &[("Accept-Encoding", "gzip"), ("If-None-Match", &gz_etag)],
    );
    assert_eq!(r.status, 304);
    let r = request(&a, "GET", &url, &[("Accept-Encoding", "gzip;q=0")]);
    assert_eq!(r.header("content-encoding"), None);

    // An edit shows up at once: new ETag, new body.
    let post = cadence
        .range(
            &plan.id,
            common::date("2026-11-30"),
            common::date("2026-12-07"),
        )
        .expect("week")
        .posts
        .into_iter()
        .find(|v| v.post.status == PostStatus::Scheduled)
        .expect("a scheduled post")
        .post;
    let mut input = input_of(&post);
    input.title = "Titre modifié, pour le flux".into();
    cadence.update_post(&post.id, &input).expect("edit");
    let r = request(&a, "GET", &url, &[("If-None-Match", &etag)]);
    assert_eq!(r.status, 200, "changed since that ETag");
    assert_ne!(r.header("etag"), Some(etag.as_str()));
    assert!(String::from_utf8_lossy(&r.body).contains("Titre modifié\\, pour le flux"));
    assert_eq!(vevents(&r.body).len(), 13, "updated, not added");

    // 404: unknown tokens, other paths, revoked feeds, replaced tokens.
    for path in [
        "/".to_owned(),
        "/feeds/".into(),
        "/feeds/nope.ics".into(),
        format!("/feeds/{}", feed.token),
        format!("/feeds/{}.ics/x", feed.token),
        format!("/feeds/{}X.ics", feed.token),
        format!("/feeds/{}.ics", &feed.token[..31]),
        format!("/{}.ics", feed.token),
        "/favicon.ico".into(),
    ] {
        let r = request(&a, "GET", &format!("{base}{path}"), &[]);
        assert_eq!(r.status, 404, "{path}");
        assert!(!String::from_utf8_lossy(&r.body).contains("BEGIN:VCALENDAR"));
    }
    assert_eq!(request(&a, "POST", &url, &[]).status, 405);
    cadence.revoke_feed(&feed.id).expect("revoke");
    assert_eq!(request(&a, "GET", &url, &[]).status, 404, "revoked");
    assert_eq!(request(&a, "HEAD", &url, &[]).status, 404, "revoked");
    assert_eq!(
        request(&a, "GET", &server.urls(&other).http, &[]).status,
        200,
        "other feeds go on"
    );
    let renewed = cadence.regenerate_feed_token(&feed.id).expect("regenerate");
    assert_eq!(request(&a, "GET", &url, &[]).status, 404, "old URL");
    assert_eq!(
        request(&a, "GET", &server.urls(&renewed).http, &[]).status,
        200,
        "new URL"
    );

    drop(a);
    server.stop().expect("stop");
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "nothing listens after stop"
    );
}

#[test]
fn the_lan_needs_an_explicit_opt_in() {
    let (_dir, cadence) = open_temp();
    let lan = ServeOptions {
        bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        port: 0,
        ..ServeOptions::default()
    };
    let err = serve(&cadence, &lan).expect_err("refused");
    assert_eq!(err.code(), "invalid");
    assert_eq!(err.field(), Some("bind"));
    let server = serve(
        &cadence,
        &ServeOptions {
            allow_lan: true,
            ..lan
        },
    )
    .expect("allowed");
    assert!(server.addr().ip().is_unspecified());
    drop(server);
}
