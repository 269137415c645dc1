// The TLS front's binary: Caddy with its standard modules plus the layer4 app (caddy-l4), so one
// port 443 carries HTTPS and LiveKit's TURN/TLS, told apart by the TLS handshake. What xcaddy would
// generate for `xcaddy build --with github.com/mholt/caddy-l4`; built by infra/front/install.sh.
package main

import (
	caddycmd "github.com/caddyserver/caddy/v2/cmd"

	_ "github.com/caddyserver/caddy/v2/modules/standard"
	_ "github.com/mholt/caddy-l4"
)

func main() { caddycmd.Main() }
