'use strict';
// Asks a name server for a topic's route through ali-ons' own client API (GET_ROUTEINFO_BY_TOPIC, code 105)
// and prints one JSON line: {"ok":true,"route":{...}} or {"ok":false,"code":17,"message":"..."}.
// Usage: node route.js <host:port> <topic>
const MQClientAPI = require('ali-ons/lib/mq_client_api');

const [nameSrv, topic] = process.argv.slice(2);
if (!nameSrv || !topic) {
  console.error('usage: node route.js <host:port> <topic>');
  process.exit(2);
}

const quiet = { info() {}, warn() {}, debug() {}, error() {} };

async function main() {
  const api = new MQClientAPI({ nameSrv, httpclient: {}, logger: quiet, responseTimeout: 3000 });
  await api.ready();
  try {
    const route = await api.getTopicRouteInfoFromNameServer(topic, 3000);
    process.stdout.write(JSON.stringify({ ok: true, route }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, code: err.code, message: err.message }) + '\n');
  } finally {
    await api.close();
  }
}

const guard = setTimeout(() => { console.error('route.js: no answer within 10 s'); process.exit(3); }, 10000);
main().then(() => { clearTimeout(guard); process.exit(0); }, (err) => { console.error(err); process.exit(1); });
