//! The probe's log lines on stderr: text, or one JSON object a line (`--log-format json`, or
//! `-o json`, whose stderr is JSON lines only).

use super::{label, LogFormat};
use crate::commands::Ctx;
use cx2fa_core::probe::TenantProbe;

/// One structured log line on stderr.
pub fn event(ctx: &Ctx, format: LogFormat, event: &str, fields: &[(&str, serde_json::Value)]) {
    let ts = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let line = match format {
        LogFormat::Json => {
            let mut m = serde_json::Map::new();
            m.insert("ts".into(), ts.into());
            m.insert("event".into(), event.into());
            for (k, v) in fields {
                m.insert((*k).into(), v.clone());
            }
            serde_json::Value::Object(m).to_string()
        }
        LogFormat::Text => {
            let kv: Vec<String> = fields
                .iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => format!("{k}={s}"),
                    other => format!("{k}={other}"),
                })
                .collect();
            format!("{ts} {event} {}", kv.join(" "))
        }
    };
    ctx.out.log(&line);
}

pub fn probe(ctx: &Ctx, format: LogFormat, p: &TenantProbe) {
    let login = p.login.as_ref();
    let errors: Vec<serde_json::Value> = p
        .errors
        .iter()
        .map(|e| serde_json::json!({"stage": e.stage, "cause": e.cause, "message": e.message}))
        .collect();
    let mut fields: Vec<(&str, serde_json::Value)> = vec![
        ("tenant", p.tenant.clone().into()),
        ("healthy", p.healthy.into()),
        (
            "login",
            login
                .and_then(|l| l.ending)
                .map(label)
                .unwrap_or_else(|| "error".into())
                .into(),
        ),
        (
            "channel",
            login.and_then(|l| l.channel).map(|c| c.to_string()).into(),
        ),
        ("ready", p.ready.into()),
        (
            "seconds",
            serde_json::json!((p.seconds * 1000.0).round() / 1000.0),
        ),
    ];
    if format == LogFormat::Json {
        fields.push(("errors", errors.into()));
    } else {
        for e in &p.errors {
            fields.push((
                "cause",
                format!("{}/{}", e.stage.as_str(), e.cause.as_str()).into(),
            ));
            fields.push(("error", format!("{:?}", e.message).into()));
        }
    }
    event(ctx, format, "probe", &fields);
}
