complete --keep-order --exclusive --command cx2fa --arguments "(COMPLETE=fish cx2fa -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
