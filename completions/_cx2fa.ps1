
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cx2fa' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cx2fa'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cx2fa' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate 2FA configuration files offline')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Read, create, back up and restore tenant documents')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, plan and apply a tenant''s 2FA policy')
            [CompletionResult]::new('channel', 'channel', [CompletionResultType]::ParameterValue, 'List and check the channels that deliver OTPs')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Read and reset users'' 2FA enrolment')
            [CompletionResult]::new('simulate-login', 'simulate-login', [CompletionResultType]::ParameterValue, 'Run the 2FA login flow for one user, interactively or as a scripted probe')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Find the users for whom 2FA is not what it seems (bypassed, failing, half registered)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in once per deployment profile; see where credentials come from')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the configuration, credentials, every service and the clock')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulation of a deployment')
            [CompletionResult]::new('tour', 'tour', [CompletionResultType]::ParameterValue, 'A guided run of the main jobs against a built-in sandbox')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version (`--verbose`: what the binary was built from, for bug reports)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;config;validate' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;config;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;config;help;validate' {
            break
        }
        'cx2fa;config;help;help' {
            break
        }
        'cx2fa;tenant' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the deployment''s tenants with their 2FA state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a tenant''s whole document, secrets masked')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a tenant from a full tenant document')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'List the local backups taken before each push')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a backup back (plan, confirm, push, verify)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;tenant;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;tenant;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets unmasked (asks first; needs `--yes` without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;tenant;create' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The full tenant document (`-` for stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The full tenant document (`-` for stdin)')
            [CompletionResult]::new('--logo', '--logo', [CompletionResultType]::ParameterName, 'The tenant''s logo (release 5.1+ requires one)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate and check only (the same checks: tenant, realm, OTP channel)')
            [CompletionResult]::new('--skip-channel-check', '--skip-channel-check', [CompletionResultType]::ParameterName, 'Create it even when its OTP channel does not exist yet (as `policy apply` allows)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;tenant;backups' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;tenant;restore' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Restore from this file instead (a backup copied elsewhere)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Restore even onto a deployment other than the one the backup was taken from (or when the backup does not record it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Plan only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;tenant;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the deployment''s tenants with their 2FA state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a tenant''s whole document, secrets masked')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a tenant from a full tenant document')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'List the local backups taken before each push')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a backup back (plan, confirm, push, verify)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;tenant;help;list' {
            break
        }
        'cx2fa;tenant;help;show' {
            break
        }
        'cx2fa;tenant;help;create' {
            break
        }
        'cx2fa;tenant;help;backups' {
            break
        }
        'cx2fa;tenant;help;restore' {
            break
        }
        'cx2fa;tenant;help;help' {
            break
        }
        'cx2fa;policy' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant''s 2FA settings with a readiness verdict')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what a change would do, field by field, without writing')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Push a 2FA update payload (or the 2FA part of a tenant document)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn 2FA on with a channel')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;policy;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;policy;plan' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The update payload or tenant document (`-` for stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The update payload or tenant document (`-` for stdin)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Plan enabling with this channel')
            [CompletionResult]::new('--identifier', '--identifier', [CompletionResultType]::ParameterName, 'With `--channel EMAIL|SMS`: the channel''s service identifier (the email channel''s sender address, or the SMS channel''s identifier)')
            [CompletionResult]::new('--set-otp-manager-url', '--set-otp-manager-url', [CompletionResultType]::ParameterName, 'With `--channel`: the tenant''s `keyCloak.Otp_Manager_Url` to set (ending in `/`)')
            [CompletionResult]::new('--expiry', '--expiry', [CompletionResultType]::ParameterName, 'With `--channel`: `otpExpiry`, the OTP lifetime in seconds (60–120 recommended)')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'With `--channel`: `otpMaxAttempts`, failed verifications before the OTP is invalidated')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--disable', '--disable', [CompletionResultType]::ParameterName, 'Plan disabling 2FA')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 10 when changes are pending, 0 when none')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Every tenant of the deployment')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;policy;apply' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The update payload or tenant document (`-` for stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The update payload or tenant document (`-` for stdin)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Plan only: show the diff and write nothing')
            [CompletionResult]::new('--skip-channel-check', '--skip-channel-check', [CompletionResultType]::ParameterName, 'Push even when the OTP channel cannot be found or has another type')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Every tenant of the deployment')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;policy;enable' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'How OTPs are delivered')
            [CompletionResult]::new('--identifier', '--identifier', [CompletionResultType]::ParameterName, 'The channel''s service identifier (EMAIL: sender address; SMS: number)')
            [CompletionResult]::new('--set-otp-manager-url', '--set-otp-manager-url', [CompletionResultType]::ParameterName, '`keyCloak.Otp_Manager_Url` to set (must end with `/`)')
            [CompletionResult]::new('--expiry', '--expiry', [CompletionResultType]::ParameterName, 'OTP lifetime in seconds')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Failed verifications before an OTP is invalidated')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Plan only: show the diff and write nothing')
            [CompletionResult]::new('--skip-channel-check', '--skip-channel-check', [CompletionResultType]::ParameterName, 'Push even when the OTP channel cannot be found or has another type')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Every tenant of the deployment')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;policy;disable' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Plan only: show the diff and write nothing')
            [CompletionResult]::new('--skip-channel-check', '--skip-channel-check', [CompletionResultType]::ParameterName, 'Push even when the OTP channel cannot be found or has another type')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Every tenant of the deployment')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant''s 2FA settings with a readiness verdict')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what a change would do, field by field, without writing')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Push a 2FA update payload (or the 2FA part of a tenant document)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn 2FA on with a channel')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;policy;help;show' {
            break
        }
        'cx2fa;policy;help;plan' {
            break
        }
        'cx2fa;policy;help;apply' {
            break
        }
        'cx2fa;policy;help;enable' {
            break
        }
        'cx2fa;policy;help;disable' {
            break
        }
        'cx2fa;policy;help;help' {
            break
        }
        'cx2fa;channel' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the deployment''s channels with their type and service identifier')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that an OTP channel exists and has the right type (defaults: the tenant''s policy)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;channel;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;channel;check' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The channel type to expect')
            [CompletionResult]::new('--identifier', '--identifier', [CompletionResultType]::ParameterName, 'The service identifier to look for')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;channel;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the deployment''s channels with their type and service identifier')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that an OTP channel exists and has the right type (defaults: the tenant''s policy)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;channel;help;list' {
            break
        }
        'cx2fa;channel;help;check' {
            break
        }
        'cx2fa;channel;help;help' {
            break
        }
        'cx2fa;user' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One user''s enrolment, or every user''s with a posture summary')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Remove users'' 2FA enrolment so they register again at next login')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;user;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, '`unregistered`, `stale`, `shared-contact`, `channel=SMS` (repeatable: all must hold)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'One posture row per tenant of the deployment, with a total (several `-t` work too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;user;reset' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Read users from a file (`-` = stdin): CSV with a `username` column, one name per line, or `user status -o json`')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write one NDJSON line per row here')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Skip rows finished in this earlier report (and append to it unless `--report` says otherwise)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Reset the users that match: `unregistered`, `stale`, `shared-contact`, `channel=SMS` (repeatable: all must hold), found by scanning the realm')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Stop starting rows after this many seconds (counted from the first row); the report holds what was done, `--resume` continues')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--revoke-sessions', '--revoke-sessions', [CompletionResultType]::ParameterName, 'Also end the users'' sessions')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed; write nothing')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, 'Succeed when `--from` lists no users (by default an empty list is an error, exit 2)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'With `--filter`: every tenant of the deployment (several `-t` work too); one report, each row naming its tenant')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;user;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One user''s enrolment, or every user''s with a posture summary')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Remove users'' 2FA enrolment so they register again at next login')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;user;help;status' {
            break
        }
        'cx2fa;user;help;reset' {
            break
        }
        'cx2fa;user;help;help' {
            break
        }
        'cx2fa;simulate-login' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user to log in as')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'Use this OTP (scripted). A live code on the command line is visible to other users in `ps`: prefer `--otp-stdin` for a real one')
            [CompletionResult]::new('--otp-cmd', '--otp-cmd', [CompletionResultType]::ParameterName, 'Run this shell command for each OTP needed and use its output, e.g. `oathtool --totp -b - < ~/.probe.key` (keep secrets off its command line; cx2fa''s own credentials are not passed to it)')
            [CompletionResult]::new('--totp-secret-env', '--totp-secret-env', [CompletionResultType]::ParameterName, 'Compute authenticator codes from the base32 secret in this environment variable (also the secret issued at registration)')
            [CompletionResult]::new('--otp-from-imap', '--otp-from-imap', [CompletionResultType]::ParameterName, 'Read the emailed OTP from this mailbox, `imaps://user@host[:port]/INBOX` (password in `CX2FA_IMAP_PASSWORD`; TLS verified, `--ca-cert` trusted)')
            [CompletionResult]::new('--register-contact', '--register-contact', [CompletionResultType]::ParameterName, 'The email address or phone number to register (scripted registration; implies `--register`)')
            [CompletionResult]::new('--rsa-passcode-env', '--rsa-passcode-env', [CompletionResultType]::ParameterName, 'The RSA passcode (PIN + tokencode) is in this environment variable')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Assert how the login ends: exit 0 when it does, 1 when not')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--user-password-stdin', '--user-password-stdin', [CompletionResultType]::ParameterName, 'Read the user''s password from stdin')
            [CompletionResult]::new('--otp-stdin', '--otp-stdin', [CompletionResultType]::ParameterName, 'Read the OTP from stdin (scripted)')
            [CompletionResult]::new('--otp-from-outbox', '--otp-from-outbox', [CompletionResultType]::ParameterName, 'Read the OTP from the sandbox''s outbox (sandbox only)')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Register the user if they are not (writes their 2FA enrolment in Keycloak, as the first real login would); without it a scripted login of an unregistered user stops before writing anything, and a terminal asks')
            [CompletionResult]::new('--allow-plain-http-rsa', '--allow-plain-http-rsa', [CompletionResultType]::ParameterName, 'Send the RSA client key and passcode over plain http to a host other than this machine (refused otherwise: anyone on the path could read them)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;audit' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 11 when a finding at or above this severity exists')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'With `--fix`: write one NDJSON line per reset row here')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Every tenant of the deployment (several `-t` work too)')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Reset the users whose finding a reset repairs (bypass, stale-identifier, channel-changed, missing-contact, two-secrets): they register again at their next login. Users without such a finding are never touched')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With `--fix`: show what would be reset; write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;auth' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check admin credentials against the deployment and store them for this profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, deployment, user, where the secret lives and the cached token''s expiry')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove what `auth login` stored for this profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;auth;login' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where to keep the secret')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Master-realm admin username (default: `CX2FA_USERNAME`, the profile''s, or a prompt)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Log in as a confidential client (client_credentials), for automation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('--client-secret-stdin', '--client-secret-stdin', [CompletionResultType]::ParameterName, 'Read the client secret from stdin')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;auth;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;auth;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check admin credentials against the deployment and store them for this profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, deployment, user, where the secret lives and the cached token''s expiry')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove what `auth login` stored for this profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;auth;help;login' {
            break
        }
        'cx2fa;auth;help;status' {
            break
        }
        'cx2fa;auth;help;logout' {
            break
        }
        'cx2fa;auth;help;help' {
            break
        }
        'cx2fa;doctor' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;sandbox' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1; 0 picks a free one')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed data file (format: `cx2fa sandbox --print-seed`)')
            [CompletionResult]::new('--users', '--users', [CompletionResultType]::ParameterName, 'Add N generated users to the first tenant, for bulk work')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Persist state to this file and reload it on the next start')
            [CompletionResult]::new('--faults', '--faults', [CompletionResultType]::ParameterName, 'Inject faults: `rate=0.2,kinds=500|429|reset|slow|500-after-write,seed=N`')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Delay every answer by this many milliseconds')
            [CompletionResult]::new('--maildir', '--maildir', [CompletionResultType]::ParameterName, 'Also deliver EMAIL OTPs as Maildir messages in DIR')
            [CompletionResult]::new('--token-lifetime', '--token-lifetime', [CompletionResultType]::ParameterName, 'Access-token lifetime in seconds')
            [CompletionResult]::new('--keycloak-path', '--keycloak-path', [CompletionResultType]::ParameterName, 'Serve Keycloak under `/auth/` (before Keycloak 17, or `--http-relative-path=/auth`) or at the root (Keycloak 17+ default)')
            [CompletionResult]::new('--user-profile', '--user-profile', [CompletionResultType]::ParameterName, 'Emulate Keycloak 24+''s declarative user profile with this `unmanagedAttributePolicy`: `absent` (a new realm: undeclared attributes hidden), `admin-view` (read-only), `admin-edit`, `enabled`; `none` is a Keycloak before 24')
            [CompletionResult]::new('--lockout-after', '--lockout-after', [CompletionResultType]::ParameterName, 'Lock a user out after N failed password grants (brute-force protection; 0: off)')
            [CompletionResult]::new('--required-action', '--required-action', [CompletionResultType]::ParameterName, 'Give USER a pending required action, e.g. `agent.email=VERIFY_PROFILE` (repeatable)')
            [CompletionResult]::new('--capacity', '--capacity', [CompletionResultType]::ParameterName, 'Work at most N requests at once, each taking `--latency`; beyond that, 429 with `Retry-After` (or queue, with `--capacity-mode queue`). 0: unlimited')
            [CompletionResult]::new('--capacity-mode', '--capacity-mode', [CompletionResultType]::ParameterName, 'What a request beyond `--capacity` gets')
            [CompletionResult]::new('--tenants', '--tenants', [CompletionResultType]::ParameterName, 'Add N generated tenants (`fleet0001`...), each with its own realm and `--users` users')
            [CompletionResult]::new('--keycloak-upstream', '--keycloak-upstream', [CompletionResultType]::ParameterName, 'Use this real Keycloak for identity (e.g. `http://127.0.0.1:8080/auth`): the seed''s realms, clients and users are created there at start (with a random suffix) and deleted at stop; the admin''s password comes from `CX2FA_UPSTREAM_ADMIN_PASSWORD`')
            [CompletionResult]::new('--upstream-admin', '--upstream-admin', [CompletionResultType]::ParameterName, 'With `--keycloak-upstream`: the master-realm admin who creates the realms')
            [CompletionResult]::new('--upstream-unmanaged', '--upstream-unmanaged', [CompletionResultType]::ParameterName, 'With `--keycloak-upstream`: the `unmanagedAttributePolicy` given to each created realm (`absent` leaves a new realm''s default, which hides the enrolment attributes)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--no-channel-list', '--no-channel-list', [CompletionResultType]::ParameterName, 'Answer 404 on `GET /ccm/channels`, like deployments without that endpoint')
            [CompletionResult]::new('--require-logo', '--require-logo', [CompletionResultType]::ParameterName, 'Refuse tenant creation without a logo, like release 5.1+')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Serve HTTPS with a generated CA (its path is printed; trust it with `--ca-cert`)')
            [CompletionResult]::new('--print-seed', '--print-seed', [CompletionResultType]::ParameterName, 'Print the built-in seed (the `--seed` format) and exit')
            [CompletionResult]::new('--declare-enrolment', '--declare-enrolment', [CompletionResultType]::ParameterName, 'With `--user-profile`: declare the 2FA enrolment attributes with admin view and edit (the fix)')
            [CompletionResult]::new('--no-direct-grants', '--no-direct-grants', [CompletionResultType]::ParameterName, 'Tenant clients do not allow direct access grants (the password grant)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('rsa-code', 'rsa-code', [CompletionResultType]::ParameterValue, 'Print an RSA SecurID user''s current tokencode (from the state file, or the built-in seed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;sandbox;rsa-code' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The sandbox''s state file')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;sandbox;help' {
            [CompletionResult]::new('rsa-code', 'rsa-code', [CompletionResultType]::ParameterValue, 'Print an RSA SecurID user''s current tokencode (from the state file, or the built-in seed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;sandbox;help;rsa-code' {
            break
        }
        'cx2fa;sandbox;help;help' {
            break
        }
        'cx2fa;tour' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Hand the simulate-login step to the person at the terminal')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;version' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The deployment''s base URL (its ingress), e.g. `https://tenant1.example.com`')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id; repeat (or comma-separate) for commands that take several')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'HTTP timeout in seconds')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (`NO_COLOR` is respected with `auto`)')
            [CompletionResult]::new('--keycloak-url', '--keycloak-url', [CompletionResultType]::ParameterName, 'Keycloak''s base URL when it is not `<url>/auth/`')
            [CompletionResult]::new('--otp-manager-url', '--otp-manager-url', [CompletionResultType]::ParameterName, 'Reach the OTP manager here instead of the tenant''s in-cluster `Otp_Manager_Url` (e.g. a port-forward)')
            [CompletionResult]::new('--rsa-url', '--rsa-url', [CompletionResultType]::ParameterName, 'Reach RSA SecurID here instead of the tenant''s `RSA_Server_URL`')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra CA certificate (PEM) to trust')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile''s `insecure = true`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The most requests at once. cx2fa finds the server''s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also the commit, build date, target, rustc version and enabled features')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also the commit, build date, target, rustc version and enabled features')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 2 where input would be needed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Trace every HTTP call on stderr (secrets redacted)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)')
            [CompletionResult]::new('--fixed-concurrency', '--fixed-concurrency', [CompletionResultType]::ParameterName, 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cx2fa;help' {
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate 2FA configuration files offline')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Read, create, back up and restore tenant documents')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, plan and apply a tenant''s 2FA policy')
            [CompletionResult]::new('channel', 'channel', [CompletionResultType]::ParameterValue, 'List and check the channels that deliver OTPs')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Read and reset users'' 2FA enrolment')
            [CompletionResult]::new('simulate-login', 'simulate-login', [CompletionResultType]::ParameterValue, 'Run the 2FA login flow for one user, interactively or as a scripted probe')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Find the users for whom 2FA is not what it seems (bypassed, failing, half registered)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in once per deployment profile; see where credentials come from')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the configuration, credentials, every service and the clock')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulation of a deployment')
            [CompletionResult]::new('tour', 'tour', [CompletionResultType]::ParameterValue, 'A guided run of the main jobs against a built-in sandbox')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version (`--verbose`: what the binary was built from, for bug reports)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cx2fa;help;config' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges')
            break
        }
        'cx2fa;help;config;validate' {
            break
        }
        'cx2fa;help;tenant' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the deployment''s tenants with their 2FA state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a tenant''s whole document, secrets masked')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a tenant from a full tenant document')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'List the local backups taken before each push')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a backup back (plan, confirm, push, verify)')
            break
        }
        'cx2fa;help;tenant;list' {
            break
        }
        'cx2fa;help;tenant;show' {
            break
        }
        'cx2fa;help;tenant;create' {
            break
        }
        'cx2fa;help;tenant;backups' {
            break
        }
        'cx2fa;help;tenant;restore' {
            break
        }
        'cx2fa;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant''s 2FA settings with a readiness verdict')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what a change would do, field by field, without writing')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Push a 2FA update payload (or the 2FA part of a tenant document)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn 2FA on with a channel')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)')
            break
        }
        'cx2fa;help;policy;show' {
            break
        }
        'cx2fa;help;policy;plan' {
            break
        }
        'cx2fa;help;policy;apply' {
            break
        }
        'cx2fa;help;policy;enable' {
            break
        }
        'cx2fa;help;policy;disable' {
            break
        }
        'cx2fa;help;channel' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the deployment''s channels with their type and service identifier')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that an OTP channel exists and has the right type (defaults: the tenant''s policy)')
            break
        }
        'cx2fa;help;channel;list' {
            break
        }
        'cx2fa;help;channel;check' {
            break
        }
        'cx2fa;help;user' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One user''s enrolment, or every user''s with a posture summary')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Remove users'' 2FA enrolment so they register again at next login')
            break
        }
        'cx2fa;help;user;status' {
            break
        }
        'cx2fa;help;user;reset' {
            break
        }
        'cx2fa;help;simulate-login' {
            break
        }
        'cx2fa;help;audit' {
            break
        }
        'cx2fa;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check admin credentials against the deployment and store them for this profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, deployment, user, where the secret lives and the cached token''s expiry')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove what `auth login` stored for this profile')
            break
        }
        'cx2fa;help;auth;login' {
            break
        }
        'cx2fa;help;auth;status' {
            break
        }
        'cx2fa;help;auth;logout' {
            break
        }
        'cx2fa;help;doctor' {
            break
        }
        'cx2fa;help;sandbox' {
            [CompletionResult]::new('rsa-code', 'rsa-code', [CompletionResultType]::ParameterValue, 'Print an RSA SecurID user''s current tokencode (from the state file, or the built-in seed)')
            break
        }
        'cx2fa;help;sandbox;rsa-code' {
            break
        }
        'cx2fa;help;tour' {
            break
        }
        'cx2fa;help;completions' {
            break
        }
        'cx2fa;help;version' {
            break
        }
        'cx2fa;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
