//! Where the services a login talks to are, and where cx2fa got each address: the OTP manager
//! receives OTPs and codes, the RSA server the tenant's client key and live passcodes. Their
//! addresses come from a flag (a port-forward) or from the tenant document, which anyone who
//! can edit the tenant controls: an address there pointing at some other host would receive
//! those secrets, and its "200" would decide the probe's verdict.

use crate::api::Endpoints;
use crate::error::{Error, Fix};
use crate::settings::Tenant;
use cx2fa_platform::fields;

/// A service of the login flow that cx2fa reaches directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    OtpManager,
    Rsa,
}

impl Service {
    /// The service's name, as the platform's documents call it.
    pub fn name(self) -> &'static str {
        match self {
            Service::OtpManager => "OTP manager",
            Service::Rsa => "RSA SecurID",
        }
    }
    /// The tenant document's field that holds its address.
    pub fn field(self) -> &'static str {
        match self {
            Service::OtpManager => fields::OTP_MANAGER_URL,
            Service::Rsa => fields::RSA_SERVER_URL,
        }
    }
}

/// Where an address came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Given to this run (a flag, the environment or the profile): the operator's own choice.
    Given,
    /// The tenant document's `keyCloak.<field>`.
    Document,
}

/// Where an address points, seen from the deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The deployment's own host (its ingress or Keycloak).
    Deployment,
    /// An in-cluster name: one label (`ef-cx-otp-manager-svc`) or a cluster domain (`.svc`,
    /// `.cluster.local`), which the platform's pods resolve inside the cluster.
    InCluster,
    /// Any other host.
    Elsewhere,
}

/// One service's address, where it came from and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub service: Service,
    pub url: String,
    pub source: Source,
    pub placement: Placement,
    /// The host is this machine (`localhost`, 127.0.0.0/8, `::1`): a port-forward.
    pub loopback: bool,
    pub plain_http: bool,
}

impl Address {
    /// The address `service` is reached at: the run's override, else the tenant document's.
    pub fn resolve(service: Service, ep: &Endpoints, tenant: Option<&Tenant>) -> Option<Address> {
        let given = match service {
            Service::OtpManager => ep.otp_manager.clone(),
            Service::Rsa => ep.rsa.clone(),
        };
        let (url, source) = match given {
            Some(u) => (u, Source::Given),
            None => (tenant?.kc(service.field())?.to_string(), Source::Document),
        };
        let parsed = url::Url::parse(&url).ok();
        let host = parsed
            .as_ref()
            .and_then(|u| u.host_str())
            .unwrap_or("")
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase();
        let host_of = |u: &str| {
            url::Url::parse(u)
                .ok()
                .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        };
        let placement = if [&ep.base, &ep.keycloak]
            .iter()
            .any(|u| host_of(u).is_some_and(|h| h.trim_matches(['[', ']']) == host))
        {
            Placement::Deployment
        } else if in_cluster(&host) {
            Placement::InCluster
        } else {
            Placement::Elsewhere
        };
        Some(Address {
            service,
            plain_http: parsed.as_ref().is_some_and(|u| u.scheme() == "http"),
            loopback: is_loopback(&host),
            url,
            source,
            placement,
        })
    }

    /// An address from the tenant document that points neither at the deployment nor at an
    /// in-cluster name: whoever edited the document chose where the secrets go.
    /// Whether the service answers at all: any HTTP status means it is reachable (its root
    /// may well refuse an unauthenticated `GET`). Returns the status; no retry.
    pub async fn answers(&self, http: &crate::api::http::Http) -> Result<u16, Error> {
        let req = crate::api::http::Request::get(crate::api::session::dir_url(&self.url));
        Ok(http.send(req.retry(false)).await?.status)
    }

    pub fn off_deployment(&self) -> bool {
        self.source == Source::Document && self.placement == Placement::Elsewhere
    }

    /// Refuses to send the RSA client key and a passcode over plain HTTP to anything but this
    /// machine, unless `allow_plain_http`.
    pub fn check_rsa_transport(&self, allow_plain_http: bool) -> Result<(), Error> {
        if self.service != Service::Rsa || !self.plain_http || self.loopback || allow_plain_http {
            return Ok(());
        }
        Err(Error::failed(format!(
            "RSA SecurID at `{}` is plain http: the tenant's client key and the passcode would cross the network readable; nothing was sent",
            self.url
        ))
        .with_fix(Fix::RsaOverPlainHttp))
    }
}

/// An in-cluster service name, as the platform's documents give them.
fn in_cluster(host: &str) -> bool {
    let single_label = !host.is_empty() && !host.contains('.') && !host.contains(':');
    single_label && host != "localhost" && host.parse::<std::net::IpAddr>().is_err()
        || [".svc", ".svc.cluster.local", ".cluster.local"]
            .iter()
            .any(|d| host.ends_with(d))
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant(otp: &str) -> Tenant {
        Tenant(
            serde_json::json!({"tenantId": "t1", "tenantSettings": {"keyCloak": {
            "Otp_Manager_Url": otp, "RSA_Server_URL": otp}}}),
        )
    }

    #[test]
    fn addresses_are_placed_and_sourced() {
        let ep = Endpoints::new("https://cx.example.com", None).unwrap();
        let place = |u: &str| {
            let a = Address::resolve(Service::OtpManager, &ep, Some(&tenant(u))).unwrap();
            assert_eq!(a.source, Source::Document);
            a.placement
        };
        assert_eq!(
            place("http://ef-cx-otp-manager-svc:3000/"),
            Placement::InCluster
        );
        assert_eq!(
            place("http://otp.ef.svc.cluster.local/"),
            Placement::InCluster
        );
        assert_eq!(place("https://CX.example.com/otp/"), Placement::Deployment);
        assert_eq!(place("http://evil.example.net/"), Placement::Elsewhere);
        assert_eq!(place("http://203.0.113.9:3000/"), Placement::Elsewhere);
        assert_eq!(place("http://localhost:3000/"), Placement::Elsewhere);
        let mut ep2 = ep.clone();
        ep2.otp_manager = Some("http://localhost:3000/".into());
        let a = Address::resolve(Service::OtpManager, &ep2, Some(&tenant("http://x/"))).unwrap();
        assert_eq!((a.source, a.off_deployment()), (Source::Given, false));
    }

    #[test]
    fn plain_http_rsa_is_refused_unless_loopback_or_allowed() {
        let ep = Endpoints::new("https://cx.example.com", None).unwrap();
        let rsa = |u: &str| Address::resolve(Service::Rsa, &ep, Some(&tenant(u))).unwrap();
        assert!(rsa("http://rsa-svc:7002/")
            .check_rsa_transport(false)
            .is_err());
        assert!(rsa("http://rsa-svc:7002/")
            .check_rsa_transport(true)
            .is_ok());
        assert!(rsa("http://127.0.0.1:7002/")
            .check_rsa_transport(false)
            .is_ok());
        assert!(rsa("http://[::1]:7002/").check_rsa_transport(false).is_ok());
        assert!(rsa("https://rsa.example.net/")
            .check_rsa_transport(false)
            .is_ok());
    }
}
