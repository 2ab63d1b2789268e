//! One integration-test binary: the real `cx2fa` against in-process sandboxes.

mod audit;
mod backends;
mod contract;
mod credentials;
mod differential;
mod doctor;
mod fidelity;
mod hostile;
mod imap;
mod inputs;
mod leaks;
mod local;
mod login;
mod policy;
mod probe;
mod pty;
mod real;
mod real_keycloak;
mod reference;
mod scale;
mod schemas;
mod support;
mod transport;
mod users;
mod validate;
