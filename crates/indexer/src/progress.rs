//! Progress of a long build on a terminal: one line per phase (a bar where the amount of work is
//! known, a spinner where not), with the time it took. Quiet when stderr is not a terminal (CI,
//! build scripts, pipes), where the report and summary say all there is to say.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// One phase of the build; finishing it (or dropping it) leaves its line with the time taken.
pub struct Phase(ProgressBar);

/// Starts a phase of `len` steps (`None`: unknown), named `what`.
pub fn phase(what: &str, len: Option<u64>) -> Phase {
    let bar = match len {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{msg:>28} [{bar:32}] {human_pos}/{human_len} {elapsed}")
                .expect("a template")
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner()
            .with_style(ProgressStyle::with_template("{msg:>28} {spinner} {elapsed}").expect("a template")),
    };
    // Hidden unless a person is watching: logs stay clean and no time is spent drawing.
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    bar.set_draw_target(target);
    bar.set_message(what.to_string());
    if len.is_none() {
        bar.enable_steady_tick(Duration::from_millis(120));
    }
    Phase(bar)
}

impl Phase {
    /// `n` more steps done; callable from several threads at once.
    pub fn inc(&self, n: u64) {
        self.0.inc(n);
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        self.0.finish();
    }
}
