# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cx2fa_global_optspecs
    string join \n profile= url= t/tenant= o/output= y/yes no-input q/quiet debug print-curl timeout= color= keycloak-url= otp-manager-url= rsa-url= ca-cert= insecure= password-stdin concurrency= fixed-concurrency rate= h/help V/version
end

function __fish_cx2fa_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cx2fa_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cx2fa_using_subcommand
    set -l cmd (__fish_cx2fa_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cx2fa -n "__fish_cx2fa_needs_command" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_needs_command" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -s V -l version -d 'Print version'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "config" -d 'Validate 2FA configuration files offline'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "tenant" -d 'Read, create, back up and restore tenant documents'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "policy" -d 'Show, plan and apply a tenant\'s 2FA policy'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "channel" -d 'List and check the channels that deliver OTPs'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "user" -d 'Read and reset users\' 2FA enrolment'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "simulate-login" -d 'Run the 2FA login flow for one user, interactively or as a scripted probe'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "audit" -d 'Find the users for whom 2FA is not what it seems (bypassed, failing, half registered)'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "auth" -d 'Log in once per deployment profile; see where credentials come from'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "doctor" -d 'Check the configuration, credentials, every service and the clock'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "sandbox" -d 'Run a local emulation of a deployment'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "tour" -d 'A guided run of the main jobs against a built-in sandbox'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "version" -d 'Print the version (`--verbose`: what the binary was built from, for bug reports)'
complete -c cx2fa -n "__fish_cx2fa_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -f -a "validate" -d 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and not __fish_seen_subcommand_from validate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -l strict -d 'Treat warnings as errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -f -a "list" -d 'List the deployment\'s tenants with their 2FA state'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -f -a "show" -d 'Print a tenant\'s whole document, secrets masked'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -f -a "create" -d 'Create a tenant from a full tenant document'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -f -a "backups" -d 'List the local backups taken before each push'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -f -a "restore" -d 'Put a backup back (plan, confirm, push, verify)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and not __fish_seen_subcommand_from list show create backups restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -l show-secrets -d 'Show secrets unmasked (asks first; needs `--yes` without a terminal)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -s f -l file -d 'The full tenant document (`-` for stdin)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l logo -d 'The tenant\'s logo (release 5.1+ requires one)' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l dry-run -d 'Validate and check only (the same checks: tenant, realm, OTP channel)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -l skip-channel-check -d 'Create it even when its OTP channel does not exist yet (as `policy apply` allows)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from backups" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l file -d 'Restore from this file instead (a backup copied elsewhere)' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l force -d 'Restore even onto a deployment other than the one the backup was taken from (or when the backup does not record it)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -l dry-run -d 'Plan only'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the deployment\'s tenants with their 2FA state'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a tenant\'s whole document, secrets masked'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a tenant from a full tenant document'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "backups" -d 'List the local backups taken before each push'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Put a backup back (plan, confirm, push, verify)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -f -a "show" -d 'Show a tenant\'s 2FA settings with a readiness verdict'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -f -a "plan" -d 'Show what a change would do, field by field, without writing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -f -a "apply" -d 'Push a 2FA update payload (or the 2FA part of a tenant document)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -f -a "enable" -d 'Turn 2FA on with a channel'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -f -a "disable" -d 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and not __fish_seen_subcommand_from show plan apply enable disable help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -s f -l file -d 'The update payload or tenant document (`-` for stdin)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l channel -d 'Plan enabling with this channel' -r -f -a "EMAIL\t''
SMS\t''
APP\t''
RSA\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l identifier -d 'With `--channel EMAIL|SMS`: the channel\'s service identifier (the email channel\'s sender address, or the SMS channel\'s identifier)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l set-otp-manager-url -d 'With `--channel`: the tenant\'s `keyCloak.Otp_Manager_Url` to set (ending in `/`)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l expiry -d 'With `--channel`: `otpExpiry`, the OTP lifetime in seconds (60–120 recommended)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l max-attempts -d 'With `--channel`: `otpMaxAttempts`, failed verifications before the OTP is invalidated' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l disable -d 'Plan disabling 2FA'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l exit-code -d 'Exit 10 when changes are pending, 0 when none'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -l all-tenants -d 'Every tenant of the deployment'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -s f -l file -d 'The update payload or tenant document (`-` for stdin)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l dry-run -d 'Plan only: show the diff and write nothing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l skip-channel-check -d 'Push even when the OTP channel cannot be found or has another type'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -l all-tenants -d 'Every tenant of the deployment'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l channel -d 'How OTPs are delivered' -r -f -a "EMAIL\t''
SMS\t''
APP\t''
RSA\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l identifier -d 'The channel\'s service identifier (EMAIL: sender address; SMS: number)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l set-otp-manager-url -d '`keyCloak.Otp_Manager_Url` to set (must end with `/`)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l expiry -d 'OTP lifetime in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l max-attempts -d 'Failed verifications before an OTP is invalidated' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l dry-run -d 'Plan only: show the diff and write nothing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l skip-channel-check -d 'Push even when the OTP channel cannot be found or has another type'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -l all-tenants -d 'Every tenant of the deployment'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l dry-run -d 'Plan only: show the diff and write nothing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l skip-channel-check -d 'Push even when the OTP channel cannot be found or has another type'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -l all-tenants -d 'Every tenant of the deployment'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a tenant\'s 2FA settings with a readiness verdict'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Show what a change would do, field by field, without writing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Push a 2FA update payload (or the 2FA part of a tenant document)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Turn 2FA on with a channel'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -f -a "list" -d 'List the deployment\'s channels with their type and service identifier'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -f -a "check" -d 'Check that an OTP channel exists and has the right type (defaults: the tenant\'s policy)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and not __fish_seen_subcommand_from list check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l type -d 'The channel type to expect' -r -f -a "EMAIL\t''
SMS\t''
APP\t''
RSA\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l identifier -d 'The service identifier to look for' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the deployment\'s channels with their type and service identifier'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check that an OTP channel exists and has the right type (defaults: the tenant\'s policy)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -f -a "status" -d 'One user\'s enrolment, or every user\'s with a posture summary'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -f -a "reset" -d 'Remove users\' 2FA enrolment so they register again at next login'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and not __fish_seen_subcommand_from status reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l filter -d '`unregistered`, `stale`, `shared-contact`, `channel=SMS` (repeatable: all must hold)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -l all-tenants -d 'One posture row per tenant of the deployment, with a total (several `-t` work too)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l from -d 'Read users from a file (`-` = stdin): CSV with a `username` column, one name per line, or `user status -o json`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l report -d 'Write one NDJSON line per row here' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l resume -d 'Skip rows finished in this earlier report (and append to it unless `--report` says otherwise)' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l filter -d 'Reset the users that match: `unregistered`, `stale`, `shared-contact`, `channel=SMS` (repeatable: all must hold), found by scanning the realm' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l max-time -d 'Stop starting rows after this many seconds (counted from the first row); the report holds what was done, `--resume` continues' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l revoke-sessions -d 'Also end the users\' sessions'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l dry-run -d 'Show what would be removed; write nothing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l allow-empty -d 'Succeed when `--from` lists no users (by default an empty list is an error, exit 2)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -l all-tenants -d 'With `--filter`: every tenant of the deployment (several `-t` work too); one report, each row naming its tenant'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "status" -d 'One user\'s enrolment, or every user\'s with a posture summary'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove users\' 2FA enrolment so they register again at next login'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l user -d 'The user to log in as' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l otp -d 'Use this OTP (scripted). A live code on the command line is visible to other users in `ps`: prefer `--otp-stdin` for a real one' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l otp-cmd -d 'Run this shell command for each OTP needed and use its output, e.g. `oathtool --totp -b - < ~/.probe.key` (keep secrets off its command line; cx2fa\'s own credentials are not passed to it)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l totp-secret-env -d 'Compute authenticator codes from the base32 secret in this environment variable (also the secret issued at registration)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l otp-from-imap -d 'Read the emailed OTP from this mailbox, `imaps://user@host[:port]/INBOX` (password in `CX2FA_IMAP_PASSWORD`; TLS verified, `--ca-cert` trusted)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l register-contact -d 'The email address or phone number to register (scripted registration; implies `--register`)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l rsa-passcode-env -d 'The RSA passcode (PIN + tokencode) is in this environment variable' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l expect -d 'Assert how the login ends: exit 0 when it does, 1 when not' -r -f -a "success\t''
invalid-otp\t'A wrong OTP, authenticator code or RSA passcode'
expired\t''
max-attempts\t''
wrong-password\t'Keycloak refused the password: wrong password, unknown user, or locked out (Keycloak answers all three alike)'
account-disabled\t'Keycloak: "Account disabled"'
account-not-set-up\t'Keycloak: "Account is not fully set up" (required actions pending)'
direct-grant-off\t'The tenant\'s client does not allow direct access grants'
bypassed\t'The platform would log this user in without checking any code: a registered user whose `twoFAChannel` is not exactly `APP`, `RSA`, `SMS` or `EMAIL` (connector 1.9.3-RC8 compares upper case only; 1.7.x wrote `app`, `sms`)'
would-fail\t'cx2fa could finish the flow, but the platform\'s own login would fail here (the reason is the transcript\'s message): never reported as a success'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l user-password-stdin -d 'Read the user\'s password from stdin'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l otp-stdin -d 'Read the OTP from stdin (scripted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l otp-from-outbox -d 'Read the OTP from the sandbox\'s outbox (sandbox only)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l register -d 'Register the user if they are not (writes their 2FA enrolment in Keycloak, as the first real login would); without it a scripted login of an unregistered user stops before writing anything, and a terminal asks'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l allow-plain-http-rsa -d 'Send the RSA client key and passcode over plain http to a host other than this machine (refused otherwise: anyone on the path could read them)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand simulate-login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l fail-on -d 'Exit 11 when a finding at or above this severity exists' -r -f -a "low\t''
medium\t''
high\t'The user\'s next login will fail (or every login of the tenant will)'
critical\t'2FA is not enforced: the platform logs the user in without checking a code'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l report -d 'With `--fix`: write one NDJSON line per reset row here' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l all-tenants -d 'Every tenant of the deployment (several `-t` work too)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l fix -d 'Reset the users whose finding a reset repairs (bypass, stale-identifier, channel-changed, missing-contact, two-secrets): they register again at their next login. Users without such a finding are never touched'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l dry-run -d 'With `--fix`: show what would be reset; write nothing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Check admin credentials against the deployment and store them for this profile'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Show the profile, deployment, user, where the secret lives and the cached token\'s expiry'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Remove what `auth login` stored for this profile'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l store -d 'Where to keep the secret' -r -f -a "keyring\t'The OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows)'
file\t'A file readable only by you, under `$XDG_DATA_HOME/cx2fa/credentials/`'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l username -d 'Master-realm admin username (default: `CX2FA_USERNAME`, the profile\'s, or a prompt)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l client-id -d 'Log in as a confidential client (client_credentials), for automation' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -l client-secret-stdin -d 'Read the client secret from stdin'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Check admin credentials against the deployment and store them for this profile'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the profile, deployment, user, where the secret lives and the cached token\'s expiry'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove what `auth login` stored for this profile'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l port -d 'Port on 127.0.0.1; 0 picks a free one' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l seed -d 'Seed data file (format: `cx2fa sandbox --print-seed`)' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l users -d 'Add N generated users to the first tenant, for bulk work' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l state -d 'Persist state to this file and reload it on the next start' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l faults -d 'Inject faults: `rate=0.2,kinds=500|429|reset|slow|500-after-write,seed=N`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l latency -d 'Delay every answer by this many milliseconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l maildir -d 'Also deliver EMAIL OTPs as Maildir messages in DIR' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l token-lifetime -d 'Access-token lifetime in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l keycloak-path -d 'Serve Keycloak under `/auth/` (before Keycloak 17, or `--http-relative-path=/auth`) or at the root (Keycloak 17+ default)' -r -f -a "auth\t''
root\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l user-profile -d 'Emulate Keycloak 24+\'s declarative user profile with this `unmanagedAttributePolicy`: `absent` (a new realm: undeclared attributes hidden), `admin-view` (read-only), `admin-edit`, `enabled`; `none` is a Keycloak before 24' -r -f -a "none\t''
absent\t''
admin-view\t''
admin-edit\t''
enabled\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l lockout-after -d 'Lock a user out after N failed password grants (brute-force protection; 0: off)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l required-action -d 'Give USER a pending required action, e.g. `agent.email=VERIFY_PROFILE` (repeatable)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l capacity -d 'Work at most N requests at once, each taking `--latency`; beyond that, 429 with `Retry-After` (or queue, with `--capacity-mode queue`). 0: unlimited' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l capacity-mode -d 'What a request beyond `--capacity` gets' -r -f -a "reject\t''
queue\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l tenants -d 'Add N generated tenants (`fleet0001`...), each with its own realm and `--users` users' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l keycloak-upstream -d 'Use this real Keycloak for identity (e.g. `http://127.0.0.1:8080/auth`): the seed\'s realms, clients and users are created there at start (with a random suffix) and deleted at stop; the admin\'s password comes from `CX2FA_UPSTREAM_ADMIN_PASSWORD`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l upstream-admin -d 'With `--keycloak-upstream`: the master-realm admin who creates the realms' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l upstream-unmanaged -d 'With `--keycloak-upstream`: the `unmanagedAttributePolicy` given to each created realm (`absent` leaves a new realm\'s default, which hides the enrolment attributes)' -r -f -a "absent\t''
ADMIN_VIEW\t''
ADMIN_EDIT\t''
ENABLED\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l no-channel-list -d 'Answer 404 on `GET /ccm/channels`, like deployments without that endpoint'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l require-logo -d 'Refuse tenant creation without a logo, like release 5.1+'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l tls -d 'Serve HTTPS with a generated CA (its path is printed; trust it with `--ca-cert`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l print-seed -d 'Print the built-in seed (the `--seed` format) and exit'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l declare-enrolment -d 'With `--user-profile`: declare the 2FA enrolment attributes with admin view and edit (the fix)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l no-direct-grants -d 'Tenant clients do not allow direct access grants (the password grant)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -f -a "rsa-code" -d 'Print an RSA SecurID user\'s current tokencode (from the state file, or the built-in seed)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and not __fish_seen_subcommand_from rsa-code help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l state -d 'The sandbox\'s state file' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from rsa-code" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "rsa-code" -d 'Print an RSA SecurID user\'s current tokencode (from the state file, or the built-in seed)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l interactive -d 'Hand the simulate-login step to the person at the terminal'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand tour" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l profile -d 'Profile in `$XDG_CONFIG_HOME/cx2fa/config.toml` to take defaults from' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l url -d 'The deployment\'s base URL (its ingress), e.g. `https://tenant1.example.com`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -s t -l tenant -d 'Tenant id; repeat (or comma-separate) for commands that take several' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t'Comma-separated rows, for commands that list things (`user status`)'"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l timeout -d 'HTTP timeout in seconds' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l color -d 'When to use colour (`NO_COLOR` is respected with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l keycloak-url -d 'Keycloak\'s base URL when it is not `<url>/auth/`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l otp-manager-url -d 'Reach the OTP manager here instead of the tenant\'s in-cluster `Otp_Manager_Url` (e.g. a port-forward)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l rsa-url -d 'Reach RSA SecurID here instead of the tenant\'s `RSA_Server_URL`' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l ca-cert -d 'Extra CA certificate (PEM) to trust' -r -F
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l insecure -d 'Accept any TLS certificate (warns on every use); `--insecure=false` (or `CX2FA_INSECURE=false`) overrides a profile\'s `insecure = true`' -r -f -a "true\t''
false\t''"
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l concurrency -d 'The most requests at once. cx2fa finds the server\'s pace by itself (it starts low, grows while answers are clean and fast, backs off on 429, 503, timeouts and slowing answers); this is the ceiling. `1` is strictly one at a time' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l rate -d 'The most requests per second, a hard cap whatever the server could take (e.g. during business hours)' -r
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -s v -l verbose -d 'Also the commit, build date, target, rustc version and enabled features'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -s y -l yes -d 'Answer yes to every confirmation'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l no-input -d 'Never prompt; fail with exit code 2 where input would be needed'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -s q -l quiet -d 'Print only data and errors'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l debug -d 'Trace every HTTP call on stderr (secrets redacted)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l print-curl -d 'Print each HTTP request as an equivalent curl command on stderr (secrets as `$VARS`)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l password-stdin -d 'Read the admin password from stdin (username from `CX2FA_USERNAME` or the profile)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -l fixed-concurrency -d 'Send exactly `--concurrency` requests at once, without adapting (what cx2fa did before)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "config" -d 'Validate 2FA configuration files offline'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "tenant" -d 'Read, create, back up and restore tenant documents'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "policy" -d 'Show, plan and apply a tenant\'s 2FA policy'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "channel" -d 'List and check the channels that deliver OTPs'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "user" -d 'Read and reset users\' 2FA enrolment'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "simulate-login" -d 'Run the 2FA login flow for one user, interactively or as a scripted probe'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "audit" -d 'Find the users for whom 2FA is not what it seems (bypassed, failing, half registered)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "auth" -d 'Log in once per deployment profile; see where credentials come from'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "doctor" -d 'Check the configuration, credentials, every service and the clock'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "sandbox" -d 'Run a local emulation of a deployment'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "tour" -d 'A guided run of the main jobs against a built-in sandbox'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "completions" -d 'Print a shell completion script'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "version" -d 'Print the version (`--verbose`: what the binary was built from, for bug reports)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and not __fish_seen_subcommand_from config tenant policy channel user simulate-login audit auth doctor sandbox tour completions version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "validate" -d 'Check 2FA update payloads or tenant documents offline: schema, platform rules, ranges'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "list" -d 'List the deployment\'s tenants with their 2FA state'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "show" -d 'Print a tenant\'s whole document, secrets masked'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "create" -d 'Create a tenant from a full tenant document'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "backups" -d 'List the local backups taken before each push'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "restore" -d 'Put a backup back (plan, confirm, push, verify)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show a tenant\'s 2FA settings with a readiness verdict'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "plan" -d 'Show what a change would do, field by field, without writing'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "apply" -d 'Push a 2FA update payload (or the 2FA part of a tenant document)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "enable" -d 'Turn 2FA on with a channel'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "disable" -d 'Turn 2FA off (other 2FA settings are kept, so enabling again restores them)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "list" -d 'List the deployment\'s channels with their type and service identifier'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "check" -d 'Check that an OTP channel exists and has the right type (defaults: the tenant\'s policy)'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "status" -d 'One user\'s enrolment, or every user\'s with a posture summary'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "reset" -d 'Remove users\' 2FA enrolment so they register again at next login'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Check admin credentials against the deployment and store them for this profile'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile, deployment, user, where the secret lives and the cached token\'s expiry'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove what `auth login` stored for this profile'
complete -c cx2fa -n "__fish_cx2fa_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "rsa-code" -d 'Print an RSA SecurID user\'s current tokencode (from the state file, or the built-in seed)'
