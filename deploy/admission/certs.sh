#!/bin/sh
# Creates (or rotates) the webhook's TLS: a CA, a serving certificate for picket.picket.svc signed by
# it, the picket-tls secret, and the caBundle of the ValidatingWebhookConfiguration.
#   deploy/admission/certs.sh [DIR]     (DIR keeps ca.key/ca.crt between runs; default ./picket-certs)
# Rotation: run again. An existing CA is reused, so only the serving certificate changes and the
# caBundle stays valid; to replace the CA too, delete DIR/ca.key (keep ca.crt) - the script then publishes the
# old and the new CA together in the caBundle, so the API server trusts both while the new secret
# rolls out; run it once more after the restart to drop the old CA.
set -eu
dir=${1:-picket-certs}
mkdir -p "$dir"
cd "$dir"
old_ca=""
[ -f ca.crt.previous ] && rm -f ca.crt.previous
if [ ! -f ca.key ]; then
  [ -f ca.crt ] && mv ca.crt ca.crt.previous && old_ca=ca.crt.previous
  openssl req -x509 -newkey rsa:3072 -nodes -keyout ca.key -out ca.crt -days 730 -subj "/CN=picket-webhook-ca"
fi
openssl req -newkey rsa:3072 -nodes -keyout tls.key -out tls.csr -subj "/CN=picket.picket.svc"
printf 'subjectAltName=DNS:picket.picket.svc,DNS:picket.picket.svc.cluster.local\nextendedKeyUsage=serverAuth\n' > ext.cnf
openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out tls.crt -days 90 -extfile ext.cnf
# The server reads a PKCS#8 key.
openssl pkcs8 -topk8 -nocrypt -in tls.key -out tls.pk8 && mv tls.pk8 tls.key
kubectl -n picket create secret tls picket-tls --cert=tls.crt --key=tls.key --dry-run=client -o yaml | kubectl apply -f -
bundle=$(cat ca.crt ${old_ca:+"$old_ca"} | base64 | tr -d '\n')
kubectl patch validatingwebhookconfiguration picket --type=json \
  -p "[{\"op\":\"replace\",\"path\":\"/webhooks/0/clientConfig/caBundle\",\"value\":\"$bundle\"}]"
kubectl -n picket rollout restart deployment/picket-server
