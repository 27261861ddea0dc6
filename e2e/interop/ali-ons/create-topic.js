'use strict';
// Creates a topic on a broker with ali-ons' internal API (UPDATE_AND_CREATE_TOPIC, code 17), as ali-ons users
// must before producing (its Producer does not auto-create). Prints {"ok":true} or {"ok":false,"code":..,"message":..}.
// Usage: node create-topic.js <brokerAddr> <topic> <queueNums>
const MQClientAPI = require('ali-ons/lib/mq_client_api');

const [brokerAddr, topic, queuesText] = process.argv.slice(2);
if (!brokerAddr || !topic || !queuesText) {
  console.error('usage: node create-topic.js <brokerAddr> <topic> <queueNums>');
  process.exit(2);
}

const quiet = { info() {}, warn() {}, debug() {}, error() {} };

async function main() {
  const api = new MQClientAPI({ nameSrv: '127.0.0.1:1', httpclient: {}, logger: quiet, responseTimeout: 3000 });
  await api.ready();
  const queues = Number(queuesText);
  try {
    await api.createTopic(brokerAddr, 'TBW102', { topicName: topic, readQueueNums: queues, writeQueueNums: queues, perm: 6, topicFilterType: 'SINGLE_TAG', topicSysFlag: 0, order: false }, 3000);
    process.stdout.write(JSON.stringify({ ok: true }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, code: err.code, message: err.message }) + '\n');
  } finally {
    await api.close();
  }
}

const guard = setTimeout(() => { console.error('create-topic.js: no answer within 10 s'); process.exit(3); }, 10000);
main().then(() => { clearTimeout(guard); process.exit(0); }, err => { console.error(err); process.exit(1); });
