//! The sandbox against docs/deployment-contract.md with plain HTTP, independent of cx2fa's clients.

use crate::support::Sandbox;
use serde_json::{json, Value};

fn post_form(sb: &Sandbox, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let url = format!("{}{path}", sb.url);
    let form: Vec<(String, String)> = form
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    sb.block(async move {
        let r = reqwest::Client::new()
            .post(url)
            .form(&form)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    })
}

fn send_json(
    sb: &Sandbox,
    method: reqwest::Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Value,
) -> (u16, Value) {
    let url = format!("{}{path}", sb.url);
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    sb.block(async move {
        let mut r = reqwest::Client::new().request(method, url).json(&body);
        for (k, v) in headers {
            r = r.header(k, v);
        }
        let r = r.send().await.unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    })
}

#[test]
fn tokens() {
    let sb = Sandbox::start();
    let (s, v) = post_form(
        &sb,
        "/auth/realms/master/protocol/openid-connect/token",
        &[
            ("grant_type", "password"),
            ("client_id", "admin-cli"),
            ("username", "admin"),
            ("password", "x"),
        ],
    );
    assert_eq!(
        (s, v),
        (
            401,
            json!({"error": "invalid_grant", "error_description": "Invalid user credentials"})
        )
    );
    let (s, v) = post_form(
        &sb,
        "/auth/realms/master/protocol/openid-connect/token",
        &[
            ("grant_type", "client_credentials"),
            ("client_id", "cx2fa-ci"),
            ("client_secret", "sandbox-ci-secret"),
        ],
    );
    assert_eq!(s, 200);
    assert!(
        v.get("refresh_token").is_none() && v["token_type"] == "Bearer" && v["expires_in"] == 60
    );
    let (s, v) = post_form(
        &sb,
        "/auth/realms/master/protocol/openid-connect/token",
        &[
            ("grant_type", "password"),
            ("client_id", "admin-cli"),
            ("username", "admin"),
            ("password", sb.admin_password.as_str()),
        ],
    );
    assert_eq!(s, 200);
    let refresh = v["refresh_token"].as_str().unwrap().to_string();
    let (s, _) = post_form(
        &sb,
        "/auth/realms/master/protocol/openid-connect/token",
        &[
            ("grant_type", "refresh_token"),
            ("client_id", "admin-cli"),
            ("refresh_token", &refresh),
        ],
    );
    assert_eq!(s, 200);
    let (s, _) = post_form(
        &sb,
        "/auth/realms/expertflow/protocol/openid-connect/token",
        &[
            ("grant_type", "password"),
            ("client_id", "cim"),
            ("client_secret", "wrong"),
            ("username", "agent.email"),
            ("password", "agent-pass"),
        ],
    );
    assert_eq!(s, 401);
    let (s, v) = post_form(
        &sb,
        "/auth/realms/expertflow/protocol/openid-connect/token",
        &[
            ("grant_type", "password"),
            ("client_id", "cim"),
            ("client_secret", "ef61df80-061c-4c29-b9ac-387e6bf67052"),
            ("username", "agent.email"),
            ("password", "agent-pass"),
        ],
    );
    assert_eq!(s, 200);
    // A tenant-realm token may not use the admin API; none at all is 401; expiry is 401.
    let user_token = v["access_token"].as_str().unwrap().to_string();
    assert_eq!(
        sb.get(
            "/auth/admin/realms/expertflow/users/count",
            Some(&user_token)
        )
        .0,
        403
    );
    assert_eq!(
        sb.get("/auth/admin/realms/expertflow/users/count", None).0,
        401
    );
    assert_eq!(
        sb.get("/cx-tenant/tenant", None),
        (
            401,
            json!({"error_message": "Unauthorized: missing or expired token"})
        )
    );
    let admin = sb.admin_token();
    send_json(
        &sb,
        reqwest::Method::POST,
        "/sandbox/clock",
        &[("X-Sandbox-Token", &sb.token)],
        json!({"advanceSeconds": 61}),
    );
    assert_eq!(
        sb.get("/auth/admin/realms/expertflow/users/count", Some(&admin))
            .0,
        401
    );
}

#[test]
fn users_api() {
    let sb = Sandbox::with(cx2fa_sandbox::Config {
        users: 250,
        ..Default::default()
    });
    let t = sb.admin_token();
    assert_eq!(
        sb.get("/auth/admin/realms/expertflow/users/count", Some(&t)),
        (200, json!(262))
    );
    let (_, page) = sb.get(
        "/auth/admin/realms/expertflow/users?first=0&max=1000",
        Some(&t),
    );
    assert_eq!(page.as_array().unwrap().len(), 262);
    let (_, page) = sb.get("/auth/admin/realms/expertflow/users", Some(&t));
    assert_eq!(
        page.as_array().unwrap().len(),
        100,
        "Keycloak's default page"
    );
    let (_, v) = sb.get(
        "/auth/admin/realms/expertflow/users?username=AGENT.EMAIL&exact=true",
        Some(&t),
    );
    assert_eq!(v[0]["username"], "agent.email");
    let id = v[0]["id"].as_str().unwrap().to_string();
    let (_, none) = sb.get(
        "/auth/admin/realms/expertflow/users?username=agent.noattrs&exact=true",
        Some(&t),
    );
    assert!(
        none[0].get("attributes").is_none(),
        "no attributes key at all"
    );
    let auth = format!("Bearer {t}");
    let path = format!("/auth/admin/realms/expertflow/users/{id}");
    let (s, _) = send_json(
        &sb,
        reqwest::Method::PUT,
        &path,
        &[("authorization", &auth)],
        json!({"attributes": {"a": ["1"]}}),
    );
    assert_eq!(s, 204);
    assert_eq!(
        sb.get(&path, Some(&t)).1["attributes"],
        json!({"a": ["1"]}),
        "attributes replaced whole"
    );
    let (s, _) = send_json(
        &sb,
        reqwest::Method::PUT,
        &path,
        &[("authorization", &auth)],
        json!({"enabled": true}),
    );
    assert_eq!(s, 204);
    assert_eq!(
        sb.get(&path, Some(&t)).1["attributes"],
        json!({"a": ["1"]}),
        "no attributes leaves them"
    );
    assert_eq!(
        send_json(
            &sb,
            reqwest::Method::PUT,
            &path,
            &[("authorization", &auth)],
            json!({"attributes": {"a": {"nested": "x"}}})
        )
        .0,
        400,
        "an object is no attribute value (bare values are: see below)"
    );
    assert_eq!(
        sb.get("/auth/admin/realms/expertflow/users/nope", Some(&t))
            .0,
        404
    );
    assert_eq!(
        send_json(
            &sb,
            reqwest::Method::POST,
            &format!("{path}/logout"),
            &[("authorization", &auth)],
            json!({})
        )
        .0,
        204
    );
}

#[test]
fn channels_and_tenants() {
    let sb = Sandbox::start();
    let t = sb.admin_token();
    let (s, v) = sb.get(
        "/ccm/channel-connectors/configurations/otp-mail%40example.test",
        Some(&t),
    );
    assert_eq!(s, 200);
    assert_eq!(v[0]["key"], "SMTP-HOST");
    assert_eq!(
        sb.get(
            "/ccm/channel-connectors/configurations/%2B15550001000",
            Some(&t)
        )
        .0,
        200
    );
    assert_eq!(
        sb.get("/ccm/channel-connectors/configurations/nobody", Some(&t))
            .0,
        404
    );
    let (_, list) = sb.get("/ccm/channels", Some(&t));
    assert_eq!(list[0]["channelType"]["name"], "EMAIL");
    let url = format!("{}/cx-tenant/tenant?id=ghost", sb.url);
    let tk = t.clone();
    let (s, v) = sb.block(async move {
        let form = reqwest::multipart::Form::new().text("data", r#"{"tenantId":"ghost"}"#);
        let r = reqwest::Client::new()
            .put(url)
            .bearer_auth(tk)
            .multipart(form)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json::<Value>().await.unwrap())
    });
    assert_eq!(s, 404);
    assert!(v["error_message"].is_string());
    let url = format!("{}/cx-tenant/tenant", sb.url);
    let (s, _) = sb.block(async move {
        let form = reqwest::multipart::Form::new().text("data", r#"{"tenantId":"expertflow"}"#);
        let r = reqwest::Client::new()
            .post(url)
            .bearer_auth(t)
            .multipart(form)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    });
    assert_eq!(s, 409);
}

#[test]
fn otp_manager() {
    let sb = Sandbox::start();
    let h = [("tenant-id", "expertflow")];
    let target = json!({"customerChannelIdentifier": "x@example.test", "channelType": "EMAIL", "channelServiceIdentifier": "otp-mail@example.test", "appName": "CX", "otpExpiry": 60, "otpMaxAttempts": 2, "purpose": "LOGIN"});
    assert_eq!(
        send_json(
            &sb,
            reqwest::Method::POST,
            "/otp-manager/otp/generate",
            &[],
            target.clone()
        )
        .0,
        400,
        "tenant-id is required"
    );
    assert_eq!(
        send_json(
            &sb,
            reqwest::Method::POST,
            "/otp-manager/otp/generate",
            &[("tenant-id", "ghost")],
            target.clone()
        )
        .0,
        400
    );
    assert_eq!(
        send_json(
            &sb,
            reqwest::Method::POST,
            "/otp-manager/otp/generate",
            &h,
            target.clone()
        )
        .0,
        200
    );
    let code = || {
        sb.get("/sandbox/outbox", None)
            .1
            .as_array()
            .unwrap()
            .last()
            .unwrap()["code"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let first = code();
    assert_eq!(first.len(), 6);
    let verify = |c: &str| {
        let mut b = target.clone();
        b["otpCode"] = c.into();
        send_json(&sb, reqwest::Method::POST, "/otp-manager/otp/verify", &h, b)
    };
    assert_eq!(verify("000000x"), (400, json!({"message": "OTP_INVALID"})));
    assert_eq!(
        verify("000000x"),
        (400, json!({"message": "OTP_MAX_ATTEMPTS"})),
        "the failure that reaches the maximum"
    );
    assert_eq!(
        verify(&first),
        (400, json!({"message": "OTP_MAX_ATTEMPTS"})),
        "even the right code, until a new generate"
    );
    send_json(
        &sb,
        reqwest::Method::POST,
        "/otp-manager/otp/generate",
        &h,
        target.clone(),
    );
    let second = code();
    if second != first {
        assert_eq!(
            verify(&first).1["message"],
            "OTP_INVALID",
            "a new OTP invalidates the old"
        );
    }
    assert_eq!(verify(&second).0, 200);
    assert_eq!(
        verify(&second),
        (400, json!({"message": "OTP_INVALID"})),
        "a used code"
    );
    send_json(
        &sb,
        reqwest::Method::POST,
        "/otp-manager/otp/generate",
        &h,
        target.clone(),
    );
    send_json(
        &sb,
        reqwest::Method::POST,
        "/sandbox/clock",
        &[("X-Sandbox-Token", &sb.token)],
        json!({"advanceSeconds": 61}),
    );
    assert_eq!(verify(&code()), (400, json!({"message": "OTP_EXPIRED"})));
}

#[test]
fn rsa() {
    let sb = Sandbox::start();
    let code = sb.get("/sandbox/rsa-code/agent.rsa", None).1["tokencode"]
        .as_str()
        .unwrap()
        .to_string();
    let body = |pass: &str| json!({"clientId": "efcx-rsa-client", "subjectName": "agent.rsa", "subjectCredentials": [{"methodId": "SECURID", "collectedInputs": [{"name": "SECURID", "value": pass}]}], "context": {"authnAttemptId": "", "messageId": "agent.rsa2faAttempt", "inResponseTo": ""}});
    let key = [("client-key", "sandbox-rsa-client-key")];
    let (s, v) = send_json(
        &sb,
        reqwest::Method::POST,
        "/rsa/mfa/v1_1/authn/initialize",
        &key,
        body(&format!("rsapin01{code}")),
    );
    assert_eq!(
        (s, v["attemptResponseCode"].clone()),
        (200, json!("SUCCESS"))
    );
    let (s, v) = send_json(
        &sb,
        reqwest::Method::POST,
        "/rsa/mfa/v1_1/authn/initialize",
        &key,
        body("rsapin01000000"),
    );
    assert_eq!((s, v["attemptResponseCode"].clone()), (200, json!("FAIL")));
    assert_eq!(
        send_json(
            &sb,
            reqwest::Method::POST,
            "/rsa/mfa/v1_1/authn/initialize",
            &[("client-key", "bad")],
            body("x")
        )
        .0,
        401
    );
}

/// The tenant header of the OTP manager is disputed (connector 1.9.3-RC8 sends `tenantid`, the
/// older text `tenant-id`): the sandbox takes either, as a deployment reading either would.
#[test]
fn otp_manager_takes_the_tenant_under_either_header_name() {
    let sb = Sandbox::start();
    // As the connector sends it at registration: numbers as strings.
    let target = json!({"customerChannelIdentifier": "1234567890", "channelType": "SMS", "channelServiceIdentifier": "otp-sms", "appName": "CX", "otpExpiry": "60", "otpMaxAttempts": "3", "purpose": "LOGIN"});
    for h in ["tenantid", "tenant-id"] {
        let (status, body) = send_json(
            &sb,
            reqwest::Method::POST,
            "/otp-manager/otp/generate",
            &[(h, "expertflow")],
            target.clone(),
        );
        assert_eq!(status, 200, "{h}: {body}");
    }
}

/// Keycloak coerces bare attribute values (what Expertflow's connector sends:
/// `"is2FARegistered": false`, `"otpExpiry": 60`) into lists of their text; so does the sandbox.
#[test]
fn bare_attribute_values_are_stored_as_keycloak_stores_them() {
    let sb = Sandbox::start();
    let t = sb.admin_token();
    let (_, users) = sb.get(
        &format!(
            "{}/admin/realms/expertflow/users?username=agent.app&exact=true",
            sb.kc()
        ),
        Some(&t),
    );
    let id = users[0]["id"].as_str().unwrap().to_string();
    let (status, body) = send_json(
        &sb,
        reqwest::Method::PUT,
        &format!("{}/admin/realms/expertflow/users/{id}", sb.kc()),
        &[("authorization", &format!("Bearer {t}"))],
        json!({"attributes": {"is2FARegistered": false, "otpExpiry": 60, "twoFAChannel": "APP", "list": [1, "a", true, null]}}),
    );
    assert_eq!(status, 204, "{body}");
    assert_eq!(
        sb.stored_attrs("expertflow", "agent.app"),
        json!({"is2FARegistered": ["false"], "otpExpiry": ["60"], "twoFAChannel": ["APP"], "list": ["1", "a", "true"]})
    );
}
