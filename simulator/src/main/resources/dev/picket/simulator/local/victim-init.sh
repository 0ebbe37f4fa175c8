#!/bin/sh
# PID 1 of the victim container, started by the simulator in new mount, PID, network, UTS and IPC
# namespaces as root: mounts the overlay root, waits for the host to hand over eth0, pivots into the
# root, and runs the web server as the unprivileged user nginx, with no capabilities.
# Arguments: LOWER UPPER WORK MERGED
set -eu
lower=$1 upper=$2 work=$3 merged=$4
mount -t overlay victim -o "lowerdir=$lower,upperdir=$upper,workdir=$work" "$merged"
mount -t proc proc "$merged/proc"
mount -t tmpfs -o mode=755,nosuid dev "$merged/dev"
for node in null zero random urandom; do
  touch "$merged/dev/$node"
  mount --bind "/dev/$node" "$merged/dev/$node"
done
hostname victim
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
i=0
until ip link show eth0 >/dev/null 2>&1; do
  i=$((i + 1)); [ $i -lt 100 ] || { echo "victim: no eth0 after 10 s" >&2; exit 1; }
  sleep 0.1
done
ip link set lo up
ip addr add 10.203.0.2/24 dev eth0
ip link set eth0 up
# Only the stand-ins' addresses, on the link: nothing the victim sends can be routed beyond the host.
ip route add 10.96.0.0/24 dev eth0
ip route add 169.254.169.254/32 dev eth0
cd "$merged"
pivot_root . .oldroot
/bin/busybox umount -l /.oldroot
cd /var/www
exec /bin/busybox setpriv --nnp /bin/busybox su -s /bin/sh nginx -c 'exec /usr/sbin/httpd -f -p 8080 -h /var/www -c /etc/httpd.conf'
