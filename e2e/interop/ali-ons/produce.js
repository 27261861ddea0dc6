'use strict';
// Sends <count> messages with ali-ons' Producer (SEND_MESSAGE_V2) and prints one JSON line per result:
//   {"event":"sent","i":0,"tag":"TagA","keys":"k-run-0","msgId":"...","queueId":1,"queueOffset":3,"status":"SEND_OK"}
//   {"event":"failed","i":0,"code":17,"message":"..."}
// then a summary line {"ok":true,"sent":n,"failed":m}. Message i carries tag tags[i % tags.length], keys
// "k-<run>-<i> alt-<run>-<i>", body "body-<run>-<i>" and user properties idx=<i>, run=<run>.
// With DELAY_LEVEL=<n> in the environment every message gets delayTimeLevel n (property DELAY).
// Usage: node produce.js <nameSrv> <topic> <count> <tagA,tagB,...> <run>
const { Producer, Message } = require('ali-ons');

const [nameSrv, topic, countText, tagsText, run] = process.argv.slice(2);
if (!nameSrv || !topic || !countText || !tagsText || !run) {
  console.error('usage: node produce.js <nameSrv> <topic> <count> <tagA,tagB,...> <run>');
  process.exit(2);
}

const quiet = { info() {}, warn() {}, debug() {}, error() {} };
const out = obj => process.stdout.write(JSON.stringify(obj) + '\n');

async function main() {
  const producer = new Producer({ nameSrv, httpclient: {}, producerGroup: `PG_${run}`, logger: quiet, sendMsgTimeout: 5000 });
  producer.on('error', () => {});
  await producer.ready();
  const tags = tagsText.split(',');
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < Number(countText); i++) {
    const tag = tags[i % tags.length];
    const msg = new Message(topic, tag, `body-${run}-${i}`);
    msg.keys = [`k-${run}-${i}`, `alt-${run}-${i}`];
    msg.properties.idx = String(i);
    msg.properties.run = run;
    if (process.env.DELAY_LEVEL) msg.delayTimeLevel = Number(process.env.DELAY_LEVEL);
    try {
      const r = await producer.send(msg);
      sent++;
      out({ event: 'sent', i, tag, keys: msg.keys, msgId: r.msgId, queueId: r.messageQueue.queueId, queueOffset: r.queueOffset, status: r.sendStatus });
    } catch (err) {
      failed++;
      out({ event: 'failed', i, code: err.code, message: err.message });
    }
  }
  await producer.close();
  out({ ok: failed === 0, sent, failed });
}

const guard = setTimeout(() => { console.error('produce.js: not done within 60 s'); process.exit(3); }, 60000);
main().then(() => { clearTimeout(guard); process.exit(0); }, err => { console.error(err); process.exit(1); });
