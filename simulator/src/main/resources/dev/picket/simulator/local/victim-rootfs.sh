#!/bin/sh
# Builds the victim container's image (the overlay's lower layer) in $1: busybox applets, curl and
# nmap with the libraries they link, a web root with the web shell ($3) served by busybox httpd
# (configuration $4), a planted dummy .git-credentials and a service-account token ($2). Everything
# comes from the host's own binaries; nothing is downloaded.
set -eu
root=$1 token=$2 webshell=$3 httpd_conf=$4
busybox=$(command -v busybox)
# A merged-/usr layout, as Debian images have.
mkdir -p "$root"/usr/bin "$root"/usr/sbin "$root"/usr/lib "$root"/usr/lib64 "$root"/etc "$root"/tmp "$root"/proc \
  "$root"/dev "$root"/var/www "$root"/home/user "$root"/var/run/secrets/kubernetes.io/serviceaccount "$root"/.oldroot
for dir in bin sbin lib lib64; do ln -s usr/$dir "$root"/$dir; done
# The shell and the tools the scenarios use are the host's own programs, each under its own name,
# so every command is a process of its own with its real executable (busybox's shell would run
# many of them inside itself).
copy() {
  cp "$1" "$root$1"
  for lib in $(ldd "$1" | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    [ -e "$root$lib" ] || cp -L "$lib" "$root$lib"
  done
}
for tool in dash cat head tail touch chmod ls id whoami base64 sleep env mkdir rm tr wc cut sort uname hostname grep find sed \
    curl nmap; do
  copy "$(command -v $tool)"
done
ln -s dash "$root"/usr/bin/sh
# Busybox for the web server, and for modprobe and insmod (the host may have no kmod).
cp "$busybox" "$root"/usr/bin/busybox
ln "$root"/usr/bin/busybox "$root"/usr/sbin/httpd
for applet in modprobe insmod su; do ln "$root"/usr/bin/busybox "$root"/usr/sbin/$applet; done
mkdir -p "$root"/usr/share && cp -r /usr/share/nmap "$root"/usr/share/nmap

cat >"$root"/etc/passwd <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nginx:x:101:101:nginx:/var/www:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >"$root"/etc/group <<'GROUP'
root:x:0:
nginx:x:101:
nogroup:x:65534:
GROUP
echo 'hosts: files' >"$root"/etc/nsswitch.conf
cat >"$root"/etc/hosts <<'HOSTS'
127.0.0.1 localhost
10.203.0.2 victim
10.203.0.1 attacker
10.96.0.1 kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local
HOSTS
cp "$httpd_conf" "$root"/etc/httpd.conf
echo '<html><body>It works.</body></html>' >"$root"/var/www/index.html
cp "$webshell" "$root"/var/www/ws.php
echo 'https://simulated-user:not-a-real-token@git.example.com' >"$root"/home/user/.git-credentials
printf %s "$token" >"$root"/var/run/secrets/kubernetes.io/serviceaccount/token
echo picket-simulation >"$root"/var/run/secrets/kubernetes.io/serviceaccount/namespace
chmod 1777 "$root"/tmp
chmod 644 "$root"/home/user/.git-credentials "$root"/var/run/secrets/kubernetes.io/serviceaccount/*
# The web root belongs to the web server's user, so a download through the web shell lands there.
chown -R 101:101 "$root"/var/www
