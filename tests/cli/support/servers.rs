//! Crafted servers: what a test stands up in place of a deployment.
