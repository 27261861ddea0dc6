namespace Rmq.Broker;

/// <summary>
/// What changes while the broker runs: its permission (UPDATE_BROKER_CONFIG), the addresses it registers with,
/// and what the name servers told a slave about its master.
/// </summary>
public sealed class BrokerState
{
    private int _brokerPermission;
    private string? _masterAddress;
    private string? _haMasterAddress;

    private string _storeHost = string.Empty;

    public BrokerState(int brokerPermission, string brokerAddress, string haServerAddress, string storeHost)
    {
        _brokerPermission = brokerPermission;
        BrokerAddress = brokerAddress;
        HaServerAddress = haServerAddress;
        StoreHost = storeHost;
    }

    public int BrokerPermission
    {
        get => Volatile.Read(ref _brokerPermission);
        set => Volatile.Write(ref _brokerPermission, value);
    }

    /// <summary><c>brokerIP1:advertisedListenPort</c>, what clients are routed to.</summary>
    public string BrokerAddress { get; internal set; }

    /// <summary><c>brokerIP2:haListenPort</c>.</summary>
    public string HaServerAddress { get; internal set; }

    /// <summary><c>brokerIP1:listenPort</c>, written as STOREHOST into every record.</summary>
    public string StoreHost
    {
        get => _storeHost;
        internal set
        {
            _storeHost = value;
            StoreHostAddress = Rmq.Store.HostAddress.Parse(value);
        }
    }

    /// <summary><see cref="StoreHost"/> parsed once (the send path uses it for every message).</summary>
    public Rmq.Store.HostAddress StoreHostAddress { get; private set; }

    /// <summary>A slave's master (from the registration answer); null on a master or before the first answer.</summary>
    public string? MasterAddress
    {
        get => Volatile.Read(ref _masterAddress);
        internal set => Volatile.Write(ref _masterAddress, value);
    }

    /// <summary>The master's HA address from the registration answer (for the HA client).</summary>
    public string? HaMasterAddress
    {
        get => Volatile.Read(ref _haMasterAddress);
        internal set => Volatile.Write(ref _haMasterAddress, value);
    }

    /// <summary>Raised when the registration answer names a (new) master address.</summary>
    public event Action<string?, string?>? MasterAddressChanged;

    internal void UpdateMaster(string? masterAddress, string? haMasterAddress)
    {
        var changed = masterAddress != MasterAddress || haMasterAddress != HaMasterAddress;
        MasterAddress = masterAddress;
        HaMasterAddress = haMasterAddress;
        if (changed)
        {
            MasterAddressChanged?.Invoke(masterAddress, haMasterAddress);
        }
    }
}
