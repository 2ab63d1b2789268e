//! `cx2fa completions SHELL`, and the generators for `completions/` and `man/`.

use super::Ctx;
use crate::error::CommandError;
use clap::Args;
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`: it registers `cx2fa` with the shell, which then asks
/// `cx2fa` itself at each Tab (`COMPLETE=<shell> cx2fa -- <words>`), so that the commands and
/// options are always the installed binary's and tenant ids, usernames and backups can be
/// completed from the deployment (src/complete.rs).
pub fn script(shell: Shell) -> String {
    use clap_complete::env::EnvCompleter;
    let name = "cx2fa";
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
        Shell::PowerShell => &clap_complete::env::Powershell,
        Shell::Elvish => &clap_complete::env::Elvish,
        _ => unreachable!("clap_complete::Shell has no other shells in SHELLS"),
    };
    let mut buf = vec![];
    completer
        .write_registration("COMPLETE", name, name, name, &mut buf)
        .expect("writing to memory");
    String::from_utf8(buf).expect("completion scripts are UTF-8")
}

/// The file name a shell's script is checked in under.
pub fn file_name(shell: Shell) -> String {
    match shell {
        Shell::Bash => "cx2fa.bash".into(),
        Shell::Zsh => "_cx2fa".into(),
        Shell::Fish => "cx2fa.fish".into(),
        Shell::PowerShell => "_cx2fa.ps1".into(),
        Shell::Elvish => "cx2fa.elv".into(),
        _ => format!("cx2fa.{shell}"),
    }
}

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// Man pages: one per command, as (file name, roff text). Built from the same presented tree
/// as `--help` ([`crate::cli::presented`]): a verb's page has its own options, EXAMPLES and a
/// pointer to the global options, which cx2fa(1) describes with ENVIRONMENT, FILES and EXIT
/// STATUS. Backquoted words of the help text are set in bold, as man pages show literals.
pub fn man_pages() -> Vec<(String, String)> {
    fn walk(cmd: &clap::Command, prefix: &str, top: bool, out: &mut Vec<(String, String)>) {
        let name = if prefix.is_empty() {
            cmd.get_name().to_string()
        } else {
            format!("{prefix}-{}", cmd.get_name())
        };
        let subs: Vec<&clap::Command> = cmd
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        out.push((format!("{name}.1"), man_page(cmd, &name, top, &subs)));
        for sub in subs {
            walk(sub, &name, false, out);
        }
    }
    let cmd = crate::cli::presented();
    let mut out = vec![];
    walk(&cmd, "", true, &mut out);
    out
}

fn man_page(cmd: &clap::Command, name: &str, top: bool, subs: &[&clap::Command]) -> String {
    let man = clap_mangen::Man::new(cmd.clone().name(name.to_string()))
        .source(format!("cx2fa {}", env!("CARGO_PKG_VERSION")))
        .manual("cx2fa manual");
    let mut text = clap_sections(&man, !subs.is_empty());
    text.push_str(&own_sections(cmd, top));
    let mut see_also: Vec<String> = subs
        .iter()
        .map(|s| format!("{name}-{}(1)", s.get_name()))
        .collect();
    if !top {
        see_also.insert(0, "cx2fa(1)".into());
    }
    text.push_str(&section("SEE ALSO", &paragraphs(&see_also.join(", "))));
    bold_backquotes(&text)
}

/// The sections clap_mangen renders: title, name, synopsis, description, options, and the
/// subcommands when there are any.
fn clap_sections(man: &clap_mangen::Man, has_subs: bool) -> String {
    let mut pieces: Vec<Vec<u8>> = vec![];
    let mut piece = |f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut buf = vec![];
        f(&mut buf).expect("rendering to memory");
        pieces.push(buf);
    };
    piece(&|w| man.render_title(w));
    piece(&|w| man.render_name_section(w));
    piece(&|w| man.render_synopsis_section(w));
    piece(&|w| man.render_description_section(w));
    piece(&|w| man.render_options_section(w));
    if has_subs {
        piece(&|w| man.render_subcommands_section(w));
    }
    // Each piece starts with the same two-line preamble; the page keeps the first.
    let mut text = String::new();
    for (i, p) in pieces.iter().enumerate() {
        let p = String::from_utf8_lossy(p);
        let body = if i == 0 {
            p.as_ref()
        } else {
            p.splitn(3, '\n').nth(2).unwrap_or("")
        };
        text.push_str(body);
    }
    text
}

/// The sections cx2fa adds: the examples, and on the top page the environment, files and exit
/// status, on the others the global options.
fn own_sections(cmd: &clap::Command, top: bool) -> String {
    let mut text = String::new();
    let after = cmd
        .get_after_long_help()
        .map(|s| s.to_string())
        .unwrap_or_default();
    let (examples, globals) = match after.split_once("Global options:") {
        Some((e, g)) => (e.trim().to_string(), Some(g.to_string())),
        None => (String::new(), None),
    };
    let examples = examples
        .strip_prefix("Examples:")
        .unwrap_or(&examples)
        .trim()
        .to_string();
    if top {
        text.push_str(&section(
            "EXAMPLES",
            &preformatted(
                crate::cli::TOP_EXAMPLES
                    .strip_prefix("Examples:\n")
                    .unwrap_or(crate::cli::TOP_EXAMPLES),
            ),
        ));
        let (env, codes) = crate::cli::AFTER_HELP_AND_CODES;
        text.push_str(&section(
            "ENVIRONMENT",
            &paragraphs(env.strip_prefix("Environment: ").unwrap_or(env)),
        ));
        text.push_str(&section("FILES", FILES));
        text.push_str(&section(
            "EXIT STATUS",
            &preformatted(codes.strip_prefix("Exit codes:\n").unwrap_or(codes)),
        ));
    } else {
        if !examples.is_empty() {
            text.push_str(&section("EXAMPLES", &preformatted(&examples)));
        }
        if let Some(g) = globals {
            let list = g
                .split("(described")
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            text.push_str(&section(
                "GLOBAL OPTIONS",
                &paragraphs(&format!(
                    "Every command also takes the global options {list}. Each is described in cx2fa(1) and can also be set as `CX2FA_<NAME>`."
                )),
            ));
        }
    }
    text
}

const FILES: &str = "\
.TP
\\fI$XDG_CONFIG_HOME/cx2fa/config.toml\\fR (usually \\fI~/.config/cx2fa/config.toml\\fR)
Profiles: a deployment\\*(Aqs URL and defaults, chosen with \\fB\\-\\-profile\\fR.
.TP
\\fI$XDG_DATA_HOME/cx2fa/credentials/\\fR (usually \\fI~/.local/share/cx2fa/credentials/\\fR)
Credentials stored by \\fBcx2fa auth login \\-\\-store file\\fR, one file per profile, mode 0600 (the keyring is used when there is one).
.TP
\\fI$XDG_STATE_HOME/cx2fa/backups/\\fR (usually \\fI~/.local/state/cx2fa/backups/\\fR)
A copy of each tenant document before cx2fa writes it, for \\fBcx2fa tenant restore\\fR.
";

fn section(title: &str, body: &str) -> String {
    let title = if title.contains(' ') {
        format!("\"{title}\"")
    } else {
        title.to_string()
    };
    format!(".SH {title}\n{body}")
}

/// Text escaped for roff: backslashes, hyphens, apostrophes, and a leading dot.
fn escape(line: &str) -> String {
    let s = line
        .replace('\\', "\\\\")
        .replace('-', "\\-")
        .replace('\'', "\\*(Aq");
    if s.starts_with('.') {
        format!("\\&{s}")
    } else {
        s
    }
}

fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.lines().map(escape).collect::<Vec<_>>().join("\n"))
        .collect::<Vec<_>>()
        .join("\n.PP\n")
        + "\n"
}

fn preformatted(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(|l| escape(l.trim())).collect();
    format!(".PP\n.nf\n.RS 4\n{}\n.RE\n.fi\n", lines.join("\n"))
}

/// `` `word` `` in help text becomes bold in the page: Markdown backquotes are not roff. A
/// quoted span may run over a line break (roff's font change holds until `\fR`).
fn bold_backquotes(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let mut out = String::with_capacity(text.len());
    for (i, p) in parts.iter().enumerate() {
        match i % 2 {
            0 => out.push_str(p),
            // An unpaired last quote stays as written.
            _ if i + 1 == parts.len() => {
                out.push('`');
                out.push_str(p);
            }
            _ => {
                out.push_str("\\fB");
                out.push_str(p);
                out.push_str("\\fR");
            }
        }
    }
    out
}

pub fn run(_ctx: &Ctx, a: CompletionsArgs) -> Result<(), CommandError> {
    crate::output::write_stdout(script(a.shell).trim_end())
}
