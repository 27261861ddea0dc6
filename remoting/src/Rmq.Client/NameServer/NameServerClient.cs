using System.IO.Hashing;
using System.Text;
using Rmq.Client.Protocol;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using Rmq.Remoting.Transport;
using Serilog;

namespace Rmq.Client.NameServer;

/// <summary>
/// Typed calls to RocketMQ name servers. Reads go to one name server, moving on to the next when a
/// connection cannot be made; writes that RocketMQ applies "to every name server" (write perm, KV,
/// namesrv config, topic deletion, broker registration) go to each one and report per address.
/// A non-success answer throws <see cref="MQClientException"/> with the code and remark.
/// </summary>
public sealed class NameServerClient : IAsyncDisposable
{
    /// <summary>Java's default for name-server calls.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private readonly RemotingClient _remoting;
    private readonly bool _ownsRemoting;
    private readonly ILogger _logger;
    private int _preferred;

    /// <param name="addresses">"a:9876;b:9876"; null or empty uses NAMESRV_ADDR.</param>
    /// <param name="remoting">A shared transport, or null to own one.</param>
    public NameServerClient(string? addresses, RemotingClient? remoting = null, TimeSpan? timeout = null, ILogger? logger = null)
        : this(NameServerAddresses.Parse(addresses), remoting, timeout, logger)
    {
    }

    public NameServerClient(IReadOnlyList<string> addresses, RemotingClient? remoting = null, TimeSpan? timeout = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            throw new ArgumentException("at least one name server address is needed", nameof(addresses));
        }

        Addresses = addresses;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<NameServerClient>();
        _ownsRemoting = remoting is null;
        _remoting = remoting ?? new RemotingClient(new RemotingClientOptions(), _logger);
        Timeout = timeout ?? DefaultTimeout;
    }

    public IReadOnlyList<string> Addresses { get; }

    public TimeSpan Timeout { get; }

    // ---- routes and topics ----

    /// <summary>GET_ROUTEINFO_BY_TOPIC (105), version 407 so the answer is standard JSON; either form parses.</summary>
    /// <exception cref="MQClientException">17 TOPIC_NOT_EXIST when the topic has no route.</exception>
    public async Task<TopicRouteData> GetTopicRouteAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var request = RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic, new GetRouteInfoRequestHeader(topic));
        request.Version = RemotingVersion.V4_9_7;
        var (address, response) = await InvokeAnyAsync(request, cancellationToken).ConfigureAwait(false);
        Ensure(response, address);
        if (response.Body.IsEmpty)
        {
            throw new MQClientException(ResponseCode.TopicNotExist, $"No topic route info in name server for the topic: {topic}", address);
        }

        return JsonBody.Decode<TopicRouteData>(response.Body.Span);
    }

    /// <summary>GET_BROKER_CLUSTER_INFO (106).</summary>
    public async Task<ClusterInfo> GetBrokerClusterInfoAsync(CancellationToken cancellationToken = default) =>
        await QueryBodyAsync<ClusterInfo>(RemotingCommand.CreateRequest(RequestCode.GetBrokerClusterInfo), cancellationToken).ConfigureAwait(false);

    /// <summary>GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206): every topic, retry and DLQ topics included.</summary>
    public async Task<TopicList> GetAllTopicListAsync(CancellationToken cancellationToken = default) =>
        await QueryBodyAsync<TopicList>(RemotingCommand.CreateRequest(RequestCode.GetAllTopicListFromNameServer), cancellationToken).ConfigureAwait(false);

    /// <summary>GET_TOPICS_BY_CLUSTER (224).</summary>
    public async Task<TopicList> GetTopicsByClusterAsync(string cluster, CancellationToken cancellationToken = default) =>
        await QueryBodyAsync<TopicList>(RemotingCommand.CreateRequest(RequestCode.GetTopicsByCluster, new GetTopicsByClusterRequestHeader(cluster)), cancellationToken).ConfigureAwait(false);

    /// <summary>GET_SYSTEM_TOPIC_LIST_FROM_NS (304): cluster and broker names.</summary>
    public async Task<TopicList> GetSystemTopicListAsync(CancellationToken cancellationToken = default) =>
        await QueryBodyAsync<TopicList>(RemotingCommand.CreateRequest(RequestCode.GetSystemTopicListFromNs), cancellationToken).ConfigureAwait(false);

    /// <summary>DELETE_TOPIC_IN_NAMESRV (216) on every name server; only that cluster's brokers when <paramref name="clusterName"/> is given.</summary>
    public Task<IReadOnlyList<NameServerResult<bool>>> DeleteTopicAsync(string topic, string? clusterName = null, CancellationToken cancellationToken = default) =>
        InvokeEachAsync(() => RemotingCommand.CreateRequest(RequestCode.DeleteTopicInNamesrv, new DeleteTopicFromNamesrvRequestHeader(topic, clusterName)), (_, _) => true, cancellationToken);

    // ---- broker write permission ----

    /// <summary>WIPE_WRITE_PERM_OF_BROKER (205) on every name server; the value is the number of topics changed.</summary>
    public Task<IReadOnlyList<NameServerResult<int>>> WipeWritePermOfBrokerAsync(string brokerName, CancellationToken cancellationToken = default) =>
        InvokeEachAsync(
            () => RemotingCommand.CreateRequest(RequestCode.WipeWritePermOfBroker, new WipeWritePermOfBrokerRequestHeader(brokerName)),
            (response, _) => response.ReadHeader<WipeWritePermOfBrokerResponseHeader>().WipeTopicCount,
            cancellationToken);

    /// <summary>ADD_WRITE_PERM_OF_BROKER (327) on every name server; the value is the number of topics changed.</summary>
    public Task<IReadOnlyList<NameServerResult<int>>> AddWritePermOfBrokerAsync(string brokerName, CancellationToken cancellationToken = default) =>
        InvokeEachAsync(
            () => RemotingCommand.CreateRequest(RequestCode.AddWritePermOfBroker, new AddWritePermOfBrokerRequestHeader(brokerName)),
            (response, _) => response.ReadHeader<AddWritePermOfBrokerResponseHeader>().AddTopicCount,
            cancellationToken);

    // ---- KV config ----

    /// <summary>PUT_KV_CONFIG (100) on every name server.</summary>
    public Task<IReadOnlyList<NameServerResult<bool>>> PutKvConfigAsync(string @namespace, string key, string value, CancellationToken cancellationToken = default) =>
        InvokeEachAsync(() => RemotingCommand.CreateRequest(RequestCode.PutKvConfig, new PutKvConfigRequestHeader(@namespace, key, value)), (_, _) => true, cancellationToken);

    /// <summary>DELETE_KV_CONFIG (102) on every name server.</summary>
    public Task<IReadOnlyList<NameServerResult<bool>>> DeleteKvConfigAsync(string @namespace, string key, CancellationToken cancellationToken = default) =>
        InvokeEachAsync(() => RemotingCommand.CreateRequest(RequestCode.DeleteKvConfig, new DeleteKvConfigRequestHeader(@namespace, key)), (_, _) => true, cancellationToken);

    /// <summary>GET_KV_CONFIG (101); null when the name server has no such key (22).</summary>
    public async Task<string?> GetKvConfigAsync(string @namespace, string key, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.GetKvConfig, new GetKvConfigRequestHeader(@namespace, key));
        var (address, response) = await InvokeAnyAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Code == ResponseCode.QueryNotFound)
        {
            return null;
        }

        Ensure(response, address);
        return response.ReadHeader<GetKvConfigResponseHeader>().Value;
    }

    /// <summary>GET_KVLIST_BY_NAMESPACE (219); empty when the namespace is unknown (22).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetKvListByNamespaceAsync(string @namespace, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.GetKvListByNamespace, new GetKvListByNamespaceRequestHeader(@namespace));
        var (address, response) = await InvokeAnyAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Code == ResponseCode.QueryNotFound)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        Ensure(response, address);
        return response.Body.IsEmpty ? new Dictionary<string, string>(StringComparer.Ordinal) : JsonBody.Decode<KvTable>(response.Body.Span).Table;
    }

    // ---- name server config ----

    /// <summary>GET_NAMESRV_CONFIG (319) from every name server.</summary>
    public Task<IReadOnlyList<NameServerResult<SortedDictionary<string, string>>>> GetNamesrvConfigAsync(CancellationToken cancellationToken = default) =>
        InvokeEachAsync(() => RemotingCommand.CreateRequest(RequestCode.GetNamesrvConfig), (response, _) => PropertiesText.Parse(response.Body.Span), cancellationToken);

    /// <summary>UPDATE_NAMESRV_CONFIG (318) on every name server.</summary>
    public Task<IReadOnlyList<NameServerResult<bool>>> UpdateNamesrvConfigAsync(IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var body = Encoding.UTF8.GetBytes(PropertiesText.Format(properties));
        return InvokeEachAsync(() => RemotingCommand.CreateRequest(RequestCode.UpdateNamesrvConfig, body: body), (_, _) => true, cancellationToken);
    }

    // ---- broker registration (used by the broker) ----

    /// <summary>The CRC the name server checks: CRC32(body) &amp; 0x7FFFFFFF.</summary>
    public static int BodyCrc32(ReadOnlySpan<byte> body) => (int)(Crc32.HashToUInt32(body) & 0x7FFFFFFF);

    /// <summary>REGISTER_BROKER (103) to every name server, in parallel, body CRC included.</summary>
    public Task<IReadOnlyList<NameServerResult<RegisterBrokerResult>>> RegisterBrokerAsync(
        string clusterName, string brokerAddr, string brokerName, long brokerId, string haServerAddr,
        RegisterBrokerBody body, bool compressed = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = body.Encode(compressed);
        var header = new RegisterBrokerRequestHeader
        {
            BrokerName = brokerName,
            BrokerAddr = brokerAddr,
            ClusterName = clusterName,
            HaServerAddr = haServerAddr,
            BrokerId = brokerId,
            Compressed = compressed,
            BodyCrc32 = BodyCrc32(bytes),
        };
        return InvokeEachAsync(
            () => RemotingCommand.CreateRequest(RequestCode.RegisterBroker, header, bytes),
            (response, _) =>
            {
                var answer = response.ReadHeader<RegisterBrokerResponseHeader>();
                var table = response.Body.IsEmpty ? new Dictionary<string, string>(StringComparer.Ordinal) : JsonBody.Decode<KvTable>(response.Body.Span).Table;
                return new RegisterBrokerResult(answer.HaServerAddr, answer.MasterAddr, table);
            },
            cancellationToken);
    }

    /// <summary>UNREGISTER_BROKER (104) to every name server.</summary>
    public Task<IReadOnlyList<NameServerResult<bool>>> UnregisterBrokerAsync(
        string clusterName, string brokerAddr, string brokerName, long brokerId, CancellationToken cancellationToken = default) =>
        InvokeEachAsync(
            () => RemotingCommand.CreateRequest(RequestCode.UnregisterBroker, new UnregisterBrokerRequestHeader(brokerName, brokerAddr, clusterName, brokerId)),
            (_, _) => true,
            cancellationToken);

    /// <summary>QUERY_DATA_VERSION (322) to every name server: whether each one's view of the broker's topics changed.</summary>
    public Task<IReadOnlyList<NameServerResult<bool>>> QueryDataVersionAsync(
        string clusterName, string brokerAddr, string brokerName, long brokerId, DataVersion dataVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataVersion);
        var body = dataVersion.Encode();
        return InvokeEachAsync(
            () => RemotingCommand.CreateRequest(RequestCode.QueryDataVersion, new QueryDataVersionRequestHeader(brokerName, brokerAddr, clusterName, brokerId), body),
            (response, _) => response.ReadHeader<QueryDataVersionResponseHeader>().Changed,
            cancellationToken);
    }

    // ---- plumbing ----

    private async Task<T> QueryBodyAsync<T>(RemotingCommand request, CancellationToken cancellationToken)
        where T : IJsonBody<T>
    {
        var (address, response) = await InvokeAnyAsync(request, cancellationToken).ConfigureAwait(false);
        Ensure(response, address);
        return JsonBody.Decode<T>(response.Body.Span);
    }

    /// <summary>Sends to the preferred name server; on a connection failure tries the others in turn.</summary>
    private async Task<(string Address, RemotingCommand Response)> InvokeAnyAsync(RemotingCommand request, CancellationToken cancellationToken)
    {
        var start = Volatile.Read(ref _preferred);
        Exception? last = null;
        for (var i = 0; i < Addresses.Count; i++)
        {
            var index = (start + i) % Addresses.Count;
            var address = Addresses[index];
            try
            {
                var response = await _remoting.InvokeAsync(address, request, Timeout, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _preferred, index);
                return (address, response);
            }
            catch (Exception e) when (e is RemotingConnectException or RemotingSendRequestException)
            {
                _logger.Warning(e, "Name server {Address} unreachable, trying the next one", address);
                last = e;
            }
        }

        throw new MQClientException($"No name server reachable of {string.Join(';', Addresses)}", last!);
    }

    private async Task<IReadOnlyList<NameServerResult<T>>> InvokeEachAsync<T>(
        Func<RemotingCommand> requestFactory, Func<RemotingCommand, string, T> read, CancellationToken cancellationToken)
    {
        var calls = Addresses.Select(async address =>
        {
            try
            {
                var response = await _remoting.InvokeAsync(address, requestFactory(), Timeout, cancellationToken).ConfigureAwait(false);
                Ensure(response, address);
                return new NameServerResult<T>(address, read(response, address), null);
            }
            catch (Exception e) when (e is MQClientException or RemotingException or RemotingCommandException)
            {
                _logger.Warning(e, "Name server {Address} failed the request", address);
                return new NameServerResult<T>(address, default, e);
            }
        });
        return await Task.WhenAll(calls).ConfigureAwait(false);
    }

    private static void Ensure(RemotingCommand response, string address)
    {
        if (response.Code != ResponseCode.Success)
        {
            throw MQClientException.FromResponse(response, address);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsRemoting)
        {
            await _remoting.DisposeAsync().ConfigureAwait(false);
        }
    }
}
