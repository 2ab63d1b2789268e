//! `cx2fa completions SHELL`, and the generators for `completions/` and `man/`.

use super::Ctx;
use crate::cli::Cli;
use crate::error::Error;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut buf = vec![];
    clap_complete::generate(shell, &mut Cli::command(), "cx2fa", &mut buf);
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

/// Man pages: one per command, as (file name, roff text).
pub fn man_pages() -> Vec<(String, String)> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<(String, String)>) {
        let name = if prefix.is_empty() {
            cmd.get_name().to_string()
        } else {
            format!("{prefix}-{}", cmd.get_name())
        };
        let page = cmd.clone().name(name.clone());
        let mut buf = vec![];
        clap_mangen::Man::new(page)
            .render(&mut buf)
            .expect("rendering to memory");
        out.push((
            format!("{name}.1"),
            String::from_utf8(buf).expect("roff is UTF-8"),
        ));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, &name, out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = vec![];
    walk(&cmd, "", &mut out);
    out
}

pub fn run(_ctx: &Ctx, a: CompletionsArgs) -> Result<(), Error> {
    crate::output::write_stdout(script(a.shell).trim_end())
}
