'use strict';
// Preloaded with NODE_OPTIONS="--require ./failover-options.js" in front of consume.js, so a test can tune the
// unmodified ali-ons Consumer without another consumer script:
//   ALI_ONS_OPTIONS='{"pollNameServerInteval":1000,...}'  merged over the options consume.js passes
//   HANDLER_DELAY_MS=<n>                                     the handler waits n ms before each message
//   LOG_PULLS=1   one line per PULL_MESSAGE answer: {"event":"pull","addr":..,"queueId":..,"status":..,"bodies":[..]}
const ons = require('ali-ons');
const MQClientAPI = require('ali-ons/lib/mq_client_api');

if (process.env.LOG_PULLS) {
  const pull = MQClientAPI.prototype.pullMessage;
  MQClientAPI.prototype.pullMessage = async function(brokerAddr, requestHeader, timeoutMillis) {
    const queueId = requestHeader.queueId;
    const result = await pull.call(this, brokerAddr, requestHeader, timeoutMillis);
    process.stdout.write(JSON.stringify({ event: 'pull', addr: brokerAddr, queueId, status: result.pullStatus, bodies: result.msgFoundList.map(m => m.body.toString()) }) + '\n');
    return result;
  };
}

const Base = ons.Consumer;
const extra = process.env.ALI_ONS_OPTIONS ? JSON.parse(process.env.ALI_ONS_OPTIONS) : {};
const delay = Number(process.env.HANDLER_DELAY_MS || 0);

class TunedConsumer extends Base {
  constructor(options) {
    super(Object.assign({}, options, extra));
  }

  subscribe(topic, subExpression, handler) {
    if (delay > 0 && typeof handler === 'function') {
      const inner = handler;
      handler = async msg => {
        await new Promise(resolve => setTimeout(resolve, delay));
        return inner(msg);
      };
    }
    return super.subscribe(topic, subExpression, handler);
  }
}

ons.Consumer = TunedConsumer;
