// Preloaded with `node --import` (also into worker threads): every outbound connection attempt —
// net, tls, dns, fetch — is written to $NIANBAO_NET_LOG and refused.
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';

const deny = (what) => {
  fs.appendFileSync(process.env.NIANBAO_NET_LOG, `${what}\n`);
  throw new Error(`network access refused: ${what}`);
};
net.Socket.prototype.connect = function (...args) {
  deny(`net.connect ${JSON.stringify(args[0]?.host ?? args[0]?.path ?? args[0])}`);
};
tls.connect = (...args) => deny(`tls.connect ${JSON.stringify(args[0]?.host ?? args[0])}`);
dns.lookup = (host) => deny(`dns.lookup ${host}`);
dns.promises.lookup = async (host) => deny(`dns.lookup ${host}`);
globalThis.fetch = async (url) => deny(`fetch ${url}`);
