//! The live feed: a small HTTP server (axum on tokio) that serves each published feed at
//! `/feeds/<token>.ics` and nothing else.
//!
//! - Binds to 127.0.0.1 unless the caller explicitly allows the LAN.
//! - `ETag` and `Last-Modified` on every answer; `If-None-Match` / `If-Modified-Since` give
//!   `304 Not Modified`; `HEAD` works; gzip when the client asks for it.
//! - Bodies are rendered once and kept until the database changes (see [`cache`]).
//!
//! [`serve`] returns a [`FeedServer`] handle: the app keeps it while the switch is on and
//! calls [`FeedServer::stop`] (or drops it) to stop serving.
mod cache;
mod http;

use crate::error::{Error, Result};
use crate::model::{Feed, FeedUrls};
use crate::service::Cadence;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;
use tokio::sync::oneshot;

/// The port feeds are served on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8719;

/// Where and how to serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeOptions {
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Must be true to bind anything but a loopback address.
    pub allow_lan: bool,
    /// Tokio worker threads [default: 2].
    pub workers: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            allow_lan: false,
            workers: 2,
        }
    }
}

/// A running feed server. Dropping it stops it too.
#[derive(Debug)]
pub struct FeedServer {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl FeedServer {
    /// The address actually bound (the port is known even when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The `http://` and `webcal://` addresses of `feed` on this server.
    pub fn urls(&self, feed: &Feed) -> FeedUrls {
        feed.urls(&self.addr.ip().to_string(), self.addr.port())
    }

    /// Stops accepting, lets requests in flight finish, and waits for the server to end.
    pub fn stop(mut self) -> Result<()> {
        self.shutdown_and_join()
    }

    /// Blocks until the server ends (it only ends on `stop` or an I/O error): for the CLI.
    pub fn wait(mut self) -> Result<()> {
        match self.thread.take() {
            Some(t) => join(t),
            None => Ok(()),
        }
    }

    fn shutdown_and_join(&mut self) -> Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.thread.take() {
            Some(t) => join(t),
            None => Ok(()),
        }
    }
}

fn join(t: JoinHandle<std::io::Result<()>>) -> Result<()> {
    match t.join() {
        Ok(r) => Ok(r?),
        Err(_) => Err(Error::Io(std::io::Error::other("the feed server panicked"))),
    }
}

impl Drop for FeedServer {
    fn drop(&mut self) {
        let _ = self.shutdown_and_join();
    }
}

/// Starts serving the published feeds of `cadence`'s database. Returns once the port is bound,
/// so a port already in use or a refused address is an error here, not later.
pub fn serve(cadence: &Cadence, options: &ServeOptions) -> Result<FeedServer> {
    if !options.bind.is_loopback() && !options.allow_lan {
        return Err(Error::invalid(
            "bind",
            format!(
                "{} is not a loopback address: feeds are only served on this computer \
                 unless the LAN is explicitly allowed (--lan)",
                options.bind
            ),
        ));
    }
    let cache = Arc::new(cache::FeedCache::open(cadence.db().path())?);
    let listener = TcpListener::bind((options.bind, options.port))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.workers.max(1))
        .thread_name("cadence-feed")
        .enable_all()
        .build()?;
    let (tx, rx) = oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("cadence-feed-server".into())
        .spawn(move || {
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                axum::serve(listener, http::router(cache))
                    .with_graceful_shutdown(async move {
                        let _ = rx.await;
                    })
                    .await
            })
        })?;
    Ok(FeedServer {
        addr,
        shutdown: Some(tx),
        thread: Some(thread),
    })
}
