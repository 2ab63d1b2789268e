
use builtin;
use str;

set edit:completion:arg-completer[cx2fa] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cx2fa'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cx2fa'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand config 'Validate 2FA configuration files offline'
            cand tenant 'Read, create, back up and restore tenant documents'
            cand policy 'Show, plan and apply a tenant''s 2FA policy'
            cand channel 'List and check the channels that deliver OTPs'
            cand user 'Read and reset users'' 2FA enrolment'
            cand simulate-login 'Run the 2FA login flow for one user, interactively or as a scripted probe'
            cand auth 'Log in once per deployment profile; see where credentials come from'
            cand sandbox 'Run a local emulation of a deployment'
            cand tour 'A guided run of the main jobs against a built-in sandbox'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;config'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand validate 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;config;validate'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --strict 'Treat warnings as errors'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;config;help'= {
            cand validate 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;config;help;validate'= {
        }
        &'cx2fa;config;help;help'= {
        }
        &'cx2fa;tenant'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the deployment''s tenants with their 2FA state'
            cand show 'Print a tenant''s whole document, secrets masked'
            cand create 'Create a tenant from a full tenant document'
            cand backups 'List the local backups taken before each push'
            cand restore 'Put a backup back (plan, confirm, push, verify)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;tenant;list'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;tenant;show'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --show-secrets 'Show secrets unmasked (asks first; needs `--yes` without a terminal)'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;tenant;create'= {
            cand -f 'The full tenant document (`-` for stdin)'
            cand --file 'The full tenant document (`-` for stdin)'
            cand --logo 'The tenant''s logo (release 5.1+ requires one)'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --dry-run 'Validate and check only'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;tenant;backups'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;tenant;restore'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --dry-run 'Plan only'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;tenant;help'= {
            cand list 'List the deployment''s tenants with their 2FA state'
            cand show 'Print a tenant''s whole document, secrets masked'
            cand create 'Create a tenant from a full tenant document'
            cand backups 'List the local backups taken before each push'
            cand restore 'Put a backup back (plan, confirm, push, verify)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;tenant;help;list'= {
        }
        &'cx2fa;tenant;help;show'= {
        }
        &'cx2fa;tenant;help;create'= {
        }
        &'cx2fa;tenant;help;backups'= {
        }
        &'cx2fa;tenant;help;restore'= {
        }
        &'cx2fa;tenant;help;help'= {
        }
        &'cx2fa;policy'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show a tenant''s 2FA settings with a readiness verdict'
            cand plan 'Show what a change would do, field by field, without writing'
            cand apply 'Push a 2FA update payload (or the 2FA part of a tenant document)'
            cand enable 'Turn 2FA on with a channel'
            cand disable 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;policy;show'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;policy;plan'= {
            cand -f 'The update payload or tenant document (`-` for stdin)'
            cand --file 'The update payload or tenant document (`-` for stdin)'
            cand --channel 'Plan enabling with this channel'
            cand --identifier 'identifier'
            cand --set-otp-manager-url 'set-otp-manager-url'
            cand --expiry 'expiry'
            cand --max-attempts 'max-attempts'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --disable 'Plan disabling 2FA'
            cand --exit-code 'Exit 10 when changes are pending, 0 when none'
            cand --all-tenants 'Every tenant of the deployment'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;policy;apply'= {
            cand -f 'The update payload or tenant document (`-` for stdin)'
            cand --file 'The update payload or tenant document (`-` for stdin)'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --dry-run 'Plan only: show the diff and write nothing'
            cand --skip-channel-check 'Push even when the OTP channel cannot be found or has another type'
            cand --all-tenants 'Every tenant of the deployment'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;policy;enable'= {
            cand --channel 'How OTPs are delivered'
            cand --identifier 'The channel''s service identifier (EMAIL: sender address; SMS: number)'
            cand --set-otp-manager-url '`keyCloak.Otp_Manager_Url` to set (must end with `/`)'
            cand --expiry 'OTP lifetime in seconds'
            cand --max-attempts 'Failed verifications before an OTP is invalidated'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --dry-run 'Plan only: show the diff and write nothing'
            cand --skip-channel-check 'Push even when the OTP channel cannot be found or has another type'
            cand --all-tenants 'Every tenant of the deployment'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;policy;disable'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --dry-run 'Plan only: show the diff and write nothing'
            cand --skip-channel-check 'Push even when the OTP channel cannot be found or has another type'
            cand --all-tenants 'Every tenant of the deployment'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;policy;help'= {
            cand show 'Show a tenant''s 2FA settings with a readiness verdict'
            cand plan 'Show what a change would do, field by field, without writing'
            cand apply 'Push a 2FA update payload (or the 2FA part of a tenant document)'
            cand enable 'Turn 2FA on with a channel'
            cand disable 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;policy;help;show'= {
        }
        &'cx2fa;policy;help;plan'= {
        }
        &'cx2fa;policy;help;apply'= {
        }
        &'cx2fa;policy;help;enable'= {
        }
        &'cx2fa;policy;help;disable'= {
        }
        &'cx2fa;policy;help;help'= {
        }
        &'cx2fa;channel'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the deployment''s channels with their type and service identifier'
            cand check 'Check that an OTP channel exists and has the right type (defaults: the tenant''s policy)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;channel;list'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;channel;check'= {
            cand --type 'The channel type to expect'
            cand --identifier 'The service identifier to look for'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;channel;help'= {
            cand list 'List the deployment''s channels with their type and service identifier'
            cand check 'Check that an OTP channel exists and has the right type (defaults: the tenant''s policy)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;channel;help;list'= {
        }
        &'cx2fa;channel;help;check'= {
        }
        &'cx2fa;channel;help;help'= {
        }
        &'cx2fa;user'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand status 'One user''s enrolment, or every user''s with a posture summary'
            cand reset 'Remove users'' 2FA enrolment so they register again at next login'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;user;status'= {
            cand --filter '`unregistered`, `stale`, `shared-contact`, `channel=SMS` (repeatable: all must hold)'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;user;reset'= {
            cand --from 'Read users from a file (`-` = stdin): CSV with a `username` column, one name per line, or `user status -o json`'
            cand --report 'Write one NDJSON line per row here'
            cand --resume 'Skip rows finished in this earlier report (and append to it unless `--report` says otherwise)'
            cand --concurrency 'Users processed at once'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --revoke-sessions 'Also end the users'' sessions'
            cand --dry-run 'Show what would be removed; write nothing'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;user;help'= {
            cand status 'One user''s enrolment, or every user''s with a posture summary'
            cand reset 'Remove users'' 2FA enrolment so they register again at next login'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;user;help;status'= {
        }
        &'cx2fa;user;help;reset'= {
        }
        &'cx2fa;user;help;help'= {
        }
        &'cx2fa;simulate-login'= {
            cand --user 'The user to log in as'
            cand --otp 'Use this OTP (scripted)'
            cand --otp-cmd 'Run this shell command for each OTP needed and use its output (e.g. `oathtool --totp -b $SECRET`)'
            cand --totp-secret-env 'Compute authenticator codes from the base32 secret in this environment variable (also the secret issued at registration)'
            cand --register-contact 'The email address or phone number to register (scripted registration)'
            cand --rsa-passcode-env 'The RSA passcode (PIN + tokencode) is in this environment variable'
            cand --expect 'Assert how the login ends: exit 0 when it does, 1 when not'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --user-password-stdin 'Read the user''s password from stdin'
            cand --otp-from-outbox 'Read the OTP from the sandbox''s outbox (sandbox only)'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;auth'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand login 'Check admin credentials against the deployment and store them for this profile'
            cand status 'Show the profile, deployment, user, where the secret lives and the cached token''s expiry'
            cand logout 'Remove what `auth login` stored for this profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;auth;login'= {
            cand --store 'Where to keep the secret'
            cand --username 'Master-realm admin username (default: `CX2FA_USERNAME`, the profile''s, or a prompt)'
            cand --client-id 'Log in as a confidential client (client_credentials), for automation'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --client-secret-stdin 'Read the client secret from stdin'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;auth;status'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;auth;logout'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;auth;help'= {
            cand login 'Check admin credentials against the deployment and store them for this profile'
            cand status 'Show the profile, deployment, user, where the secret lives and the cached token''s expiry'
            cand logout 'Remove what `auth login` stored for this profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;auth;help;login'= {
        }
        &'cx2fa;auth;help;status'= {
        }
        &'cx2fa;auth;help;logout'= {
        }
        &'cx2fa;auth;help;help'= {
        }
        &'cx2fa;sandbox'= {
            cand --port 'Port on 127.0.0.1; 0 picks a free one'
            cand --seed 'Seed data file (format: `cx2fa sandbox --print-seed`)'
            cand --users 'Add N generated users to the first tenant, for bulk work'
            cand --state 'Persist state to this file and reload it on the next start'
            cand --faults 'Inject faults: `rate=0.2,kinds=500|429|reset|slow|500-after-write,seed=N`'
            cand --latency 'Delay every answer by this many milliseconds'
            cand --maildir 'Also deliver EMAIL OTPs as Maildir messages in DIR'
            cand --token-lifetime 'Access-token lifetime in seconds'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --no-channel-list 'Answer 404 on `GET /ccm/channels`, like deployments without that endpoint'
            cand --require-logo 'Refuse tenant creation without a logo, like release 5.1+'
            cand --tls 'Serve HTTPS with a generated CA (its path is printed; trust it with `--ca-cert`)'
            cand --print-seed 'Print the built-in seed (the `--seed` format) and exit'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand rsa-code 'Print an RSA SecurID user''s current tokencode (from the state file, or the built-in seed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;sandbox;rsa-code'= {
            cand --state 'The sandbox''s state file'
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;sandbox;help'= {
            cand rsa-code 'Print an RSA SecurID user''s current tokencode (from the state file, or the built-in seed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;sandbox;help;rsa-code'= {
        }
        &'cx2fa;sandbox;help;help'= {
        }
        &'cx2fa;tour'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand --interactive 'Hand the simulate-login step to the person at the terminal'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;completions'= {
            cand --profile 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from'
            cand --url 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`'
            cand -t 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand --tenant 'Tenant id; repeat (or comma-separate) for commands that take several'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'HTTP timeout in seconds'
            cand --color 'When to use colour (`NO_COLOR` is respected with `auto`)'
            cand --keycloak-url 'Keycloak''s base URL when it is not `<url>/auth/`'
            cand --otp-manager-url 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)'
            cand --rsa-url 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`'
            cand --ca-cert 'Extra CA certificate (PEM) to trust'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand --no-input 'Never prompt; fail with exit code 2 where input would be needed'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --debug 'Trace every HTTP call on stderr (secrets redacted)'
            cand --insecure 'Accept any TLS certificate (warns on every use)'
            cand --password-stdin 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cx2fa;help'= {
            cand config 'Validate 2FA configuration files offline'
            cand tenant 'Read, create, back up and restore tenant documents'
            cand policy 'Show, plan and apply a tenant''s 2FA policy'
            cand channel 'List and check the channels that deliver OTPs'
            cand user 'Read and reset users'' 2FA enrolment'
            cand simulate-login 'Run the 2FA login flow for one user, interactively or as a scripted probe'
            cand auth 'Log in once per deployment profile; see where credentials come from'
            cand sandbox 'Run a local emulation of a deployment'
            cand tour 'A guided run of the main jobs against a built-in sandbox'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cx2fa;help;config'= {
            cand validate 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges'
        }
        &'cx2fa;help;config;validate'= {
        }
        &'cx2fa;help;tenant'= {
            cand list 'List the deployment''s tenants with their 2FA state'
            cand show 'Print a tenant''s whole document, secrets masked'
            cand create 'Create a tenant from a full tenant document'
            cand backups 'List the local backups taken before each push'
            cand restore 'Put a backup back (plan, confirm, push, verify)'
        }
        &'cx2fa;help;tenant;list'= {
        }
        &'cx2fa;help;tenant;show'= {
        }
        &'cx2fa;help;tenant;create'= {
        }
        &'cx2fa;help;tenant;backups'= {
        }
        &'cx2fa;help;tenant;restore'= {
        }
        &'cx2fa;help;policy'= {
            cand show 'Show a tenant''s 2FA settings with a readiness verdict'
            cand plan 'Show what a change would do, field by field, without writing'
            cand apply 'Push a 2FA update payload (or the 2FA part of a tenant document)'
            cand enable 'Turn 2FA on with a channel'
            cand disable 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)'
        }
        &'cx2fa;help;policy;show'= {
        }
        &'cx2fa;help;policy;plan'= {
        }
        &'cx2fa;help;policy;apply'= {
        }
        &'cx2fa;help;policy;enable'= {
        }
        &'cx2fa;help;policy;disable'= {
        }
        &'cx2fa;help;channel'= {
            cand list 'List the deployment''s channels with their type and service identifier'
            cand check 'Check that an OTP channel exists and has the right type (defaults: the tenant''s policy)'
        }
        &'cx2fa;help;channel;list'= {
        }
        &'cx2fa;help;channel;check'= {
        }
        &'cx2fa;help;user'= {
            cand status 'One user''s enrolment, or every user''s with a posture summary'
            cand reset 'Remove users'' 2FA enrolment so they register again at next login'
        }
        &'cx2fa;help;user;status'= {
        }
        &'cx2fa;help;user;reset'= {
        }
        &'cx2fa;help;simulate-login'= {
        }
        &'cx2fa;help;auth'= {
            cand login 'Check admin credentials against the deployment and store them for this profile'
            cand status 'Show the profile, deployment, user, where the secret lives and the cached token''s expiry'
            cand logout 'Remove what `auth login` stored for this profile'
        }
        &'cx2fa;help;auth;login'= {
        }
        &'cx2fa;help;auth;status'= {
        }
        &'cx2fa;help;auth;logout'= {
        }
        &'cx2fa;help;sandbox'= {
            cand rsa-code 'Print an RSA SecurID user''s current tokencode (from the state file, or the built-in seed)'
        }
        &'cx2fa;help;sandbox;rsa-code'= {
        }
        &'cx2fa;help;tour'= {
        }
        &'cx2fa;help;completions'= {
        }
        &'cx2fa;help;help'= {
        }
    ]
    $completions[$command]
}
