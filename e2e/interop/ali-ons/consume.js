'use strict';
// A CLUSTERING push consumer (ali-ons) that prints one JSON line per event until told to stop:
//   {"event":"started","pid":123}
//   {"event":"alloc","queues":[0,1]}            its queues of <topic> whenever the assignment changes
//   {"event":"msg","topic":..,"tags":..,"keys":..,"body":..,"props":{..},"msgId":..,"queueId":..,"queueOffset":..}
//   {"event":"closed"}                           after "stop" on stdin (offsets persisted, client unregistered)
// Rebalance and offset persistence run every second so tests stay short. Exits by itself after <maxMs>.
// With FAIL_TAG=<tag> and FAIL_TIMES=<n> in the environment, the handler fails (throws) for messages with that
// tag while their reconsumeTimes < n; such deliveries are printed with "failed":true.
// With BROADCAST=1 the consumer is a BROADCASTING one (isBroadcast: true; its clientID stays <ip>@DEFAULT).
// Every msg line carries bornTimestamp and receivedAt (Date.now() when the handler ran), in ms.
// Usage: node consume.js <nameSrv> <topic> <group> <subExpression> [maxMs]
const { Consumer } = require('ali-ons');
const readline = require('readline');

const [nameSrv, topic, group, subExpression, maxMsText] = process.argv.slice(2);
if (!nameSrv || !topic || !group || !subExpression) {
  console.error('usage: node consume.js <nameSrv> <topic> <group> <subExpression> [maxMs]');
  process.exit(2);
}

const quiet = { info() {}, warn() {}, debug() {}, error() {} };
const out = obj => process.stdout.write(JSON.stringify(obj) + '\n');

async function main() {
  const consumer = new Consumer({
    nameSrv,
    httpclient: {},
    consumerGroup: group,
    logger: quiet,
    rebalanceInterval: 1000,
    persistConsumerOffsetInterval: 1000,
    consumeFromWhere: 'CONSUME_FROM_LAST_OFFSET',
    isBroadcast: process.env.BROADCAST === '1',
  });
  consumer.on('error', () => {});
  consumer.subscribe(topic, subExpression, async msg => {
    const props = {};
    for (const [k, v] of Object.entries(msg.properties || {})) {
      if (k) props[k] = v;
    }
    const fail = process.env.FAIL_TAG && msg.tags === process.env.FAIL_TAG && msg.reconsumeTimes < Number(process.env.FAIL_TIMES || 0);
    out({ event: 'msg', topic: msg.topic, tags: msg.tags, keys: msg.keys, body: msg.body.toString(), props, msgId: msg.msgId, queueId: msg.queueId, queueOffset: msg.queueOffset, reconsumeTimes: msg.reconsumeTimes, originMessageId: msg.originMessageId || null, failed: !!fail, bornTimestamp: Number(msg.bornTimestamp), receivedAt: Date.now() });
    if (fail) throw new Error(`failing ${msg.msgId} on purpose`);
  });
  await consumer.ready();
  out({ event: 'started', pid: process.pid });

  let last = '';
  const poll = setInterval(() => {
    const queues = [];
    for (const key of consumer.processQueueTable.keys()) {
      const t = /topic="([^"]*)"/.exec(key);
      const q = /queueId="(\d+)"/.exec(key);
      if (t && q && t[1] === topic) queues.push(Number(q[1]));
    }
    queues.sort((a, b) => a - b);
    const text = JSON.stringify(queues);
    if (text !== last) {
      last = text;
      out({ event: 'alloc', queues });
    }
  }, 100);

  const stop = async () => {
    clearInterval(poll);
    await consumer.close();
    out({ event: 'closed' });
    process.exit(0);
  };
  readline.createInterface({ input: process.stdin }).on('line', line => { if (line.trim() === 'stop') stop(); });
  process.on('SIGTERM', stop);
}

setTimeout(() => { console.error('consume.js: still running after max time'); process.exit(3); }, Number(maxMsText || 90000));
main().catch(err => { console.error(err); process.exit(1); });
