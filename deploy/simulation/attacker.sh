#!/bin/sh
# Entrypoint of the attacker pod (stock python image): serves "xmrig", a renamed copy of true, for
# the crypto scenario. The simulator sends each scenario to the victim's web shell from this pod.
set -eu
mkdir -p /srv
cp /bin/true /srv/xmrig
cd /srv
exec python3 -m http.server 8080
