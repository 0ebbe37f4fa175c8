#!/bin/sh
# Entrypoint of the victim pod (stock alpine image): installs the web server and the tools the
# scenarios use, plants a dummy .git-credentials file, and runs busybox httpd with the web shell as
# the unprivileged user nginx (switching user drops every capability).
set -eu
apk add --no-cache busybox-extras curl nmap >/dev/null
adduser -D -H -u 101 -h /var/www -s /bin/sh nginx 2>/dev/null || true
mkdir -p /var/www /home/user
cp /picket/ws.php /var/www/ws.php
echo '<html><body>It works.</body></html>' >/var/www/index.html
echo 'https://simulated-user:not-a-real-token@git.example.com' >/home/user/.git-credentials
chmod 644 /home/user/.git-credentials
chown -R nginx:nginx /var/www
cd /var/www
exec su -s /bin/sh nginx -c 'exec /usr/sbin/httpd -f -p 8080 -h /var/www -c /picket/httpd.conf'
