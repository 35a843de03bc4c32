using Concentrator.Core.Dlms;

namespace Concentrator.Host.Simulation.Dlms;

/// <summary>
/// The application part of the simulated DLMS/COSEM meter: association (AARQ/AARE with authentication none or
/// low, conformance and PDU size negotiation, named rejections), release, GET normal / next / with-list with block
/// transfer for responses larger than the negotiated PDU, selective access on profiles, and a fault that drops the
/// association. One instance per meter and per client connection; not thread-safe (a link serves one request at a time).
/// </summary>
public sealed class CosemMeterServer : IApduHandler
{
    /// <summary>Bytes of a GET-Response-With-Datablock around its raw data (C4 02 invoke last number(4) choice length(3)).</summary>
    private const int BlockOverhead = 12;

    private readonly CosemMeterServerOptions _options;
    private readonly CosemObjectModel _model;
    private readonly AssociationRequest _aarq = new();
    private readonly AssociationResponse _aare = new();
    private readonly GetRequestParser _getRequest = new(128);
    private readonly AxdrReader _reader = new();
    private readonly AxdrWriter _writer = new();
    private readonly byte[] _encoded = new byte[512 * 1024];
    private readonly byte[] _item = new byte[64 * 1024];
    private byte[] _pending = Array.Empty<byte>();
    private int _pendingOffset;
    private uint _blockNumber;
    private int _clientMaxPdu;
    private int _getsServed;

    public CosemMeterServer(CosemMeterServerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _model = new CosemObjectModel(options.Seed, options.SerialNumber);
    }

    public CosemObjectModel Model => _model;

    public bool Associated { get; private set; }

    public DlmsAuthentication Authentication { get; private set; }

    public uint NegotiatedConformance { get; private set; }

    /// <summary>Requests handled, by kind, for tests and the runner's report.</summary>
    public int Associations { get; private set; }

    public int GetRequests { get; private set; }

    public int WithListRequests { get; private set; }

    public int BlocksSent { get; private set; }

    /// <summary>The link under the association opened or closed: the association (and any block transfer) ends with it.</summary>
    public void Reset()
    {
        Associated = false;
        _pending = Array.Empty<byte>();
    }

    public int Handle(byte[] request, int offset, int count, byte[] response, int responseOffset)
    {
        _writer.Reset(response, responseOffset, response.Length - responseOffset);
        if (count < 1)
        {
            return -1;
        }

        switch ((DlmsApduTag)request[offset])
        {
            case DlmsApduTag.Aarq:
                Associate(request, offset, count);
                break;
            case DlmsApduTag.Rlrq:
                Associated = false;
                _pending = Array.Empty<byte>();
                GetApdu.WriteReleaseResponse(_writer);
                break;
            case DlmsApduTag.GetRequest:
                Get(request, offset, count);
                break;
            default:
                // Set, action and anything else: not offered by this reading-only simulation.
                GetApdu.WriteExceptionResponse(_writer, 2, 1);
                break;
        }

        return _writer.Overflowed ? -1 : _writer.Length;
    }

    private void Associate(byte[] request, int offset, int count)
    {
        Associated = false;
        _pending = Array.Empty<byte>();
        _getsServed = 0;
        if (_aarq.Parse(request, offset, count) != DlmsApduStatus.Ok)
        {
            _aare.SetRejected(1, 1); // no-reason-given: the AARQ itself is malformed
        }
        else if (!_aarq.LogicalNameContext)
        {
            _aare.SetRejected(1, 2); // application-context-name-not-supported (SN or ciphered)
        }
        else if (_aarq.UnsupportedMechanism)
        {
            _aare.SetRejected(1, 11); // authentication-mechanism-name-not-recognised
        }
        else if (_aarq.Authentication == DlmsAuthentication.None && !_options.AllowNoAuthentication)
        {
            _aare.SetRejected(1, 14); // authentication-required
        }
        else if (_aarq.Authentication == DlmsAuthentication.Low && !PasswordMatches())
        {
            _aare.SetRejected(1, 13); // authentication-failure
        }
        else if (!_aarq.HasInitiateRequest || _aarq.HasDedicatedKey)
        {
            _aare.SetInitiateError(0);
        }
        else if (_aarq.DlmsVersion < 6)
        {
            _aare.SetInitiateError(1); // dlms-version-too-low
        }
        else if ((_aarq.ProposedConformance & _options.Conformance & Conformance.Get) == 0)
        {
            _aare.SetInitiateError(2); // incompatible-conformance
        }
        else if (_aarq.MaxReceivePduSize != 0 && _aarq.MaxReceivePduSize < 32)
        {
            _aare.SetInitiateError(3); // pdu-size-too-short
        }
        else
        {
            NegotiatedConformance = _aarq.ProposedConformance & _options.Conformance;
            _clientMaxPdu = _aarq.MaxReceivePduSize == 0 ? 0xFFFF : _aarq.MaxReceivePduSize;
            Authentication = _aarq.Authentication;
            _aare.SetAccepted(NegotiatedConformance, _options.MaxPduSize);
            Associated = true;
            Associations++;
        }

        _aare.Encode(_writer);
    }

    private bool PasswordMatches()
    {
        string expected = _options.Password;
        if (_aarq.PasswordLength != expected.Length)
        {
            return false;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (_aarq.Password[i] != (byte)expected[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Largest APDU the meter may send now.</summary>
    private int MaxResponse => Math.Min(Math.Min(_clientMaxPdu, _options.MaxPduSize), _writer.Buffer.Length - _writer.Start);

    private void Get(byte[] request, int offset, int count)
    {
        if (!Associated)
        {
            GetApdu.WriteExceptionResponse(_writer, 1, 0); // service-not-allowed, operation-not-possible
            return;
        }

        if (_getRequest.Parse(request, offset, count) != DlmsApduStatus.Ok)
        {
            GetApdu.WriteExceptionResponse(_writer, 2, 2); // service-unknown, other-reason
            return;
        }

        GetRequests++;
        _getsServed++;
        if (_options.DropAssociationAfterGets > 0 && _getsServed > _options.DropAssociationAfterGets)
        {
            Associated = false;
            GetApdu.WriteExceptionResponse(_writer, 1, 0);
            return;
        }

        byte invoke = _getRequest.InvokeIdAndPriority;
        DateTime now = _options.UtcNow();
        switch (_getRequest.Choice)
        {
            case GetApdu.Normal:
                GetNormal(request, invoke, now);
                break;
            case GetApdu.Next:
                GetNext(invoke);
                break;
            case GetApdu.WithList:
                GetWithList(request, invoke, now);
                break;
        }
    }

    private void GetNormal(byte[] request, byte invoke, DateTime now)
    {
        _pending = Array.Empty<byte>();
        SelectiveAccess access = new();
        if (_getRequest.Selector != 0)
        {
            if ((NegotiatedConformance & Conformance.SelectiveAccess) == 0)
            {
                GetApdu.WriteResponseNormalError(_writer, invoke, DataAccessResult.ScopeOfAccessViolated);
                return;
            }

            _reader.Reset(request, _getRequest.AccessStart, request.Length - _getRequest.AccessStart);
            if (SelectiveAccess.Read(_reader, _getRequest.Selector, out access) != null)
            {
                GetApdu.WriteResponseNormalError(_writer, invoke, DataAccessResult.TypeUnmatched);
                return;
            }
        }

        var data = new AxdrWriter(_encoded);
        DataAccessResult result = _model.Read(_getRequest.Attribute, access, data, now);
        if (result != DataAccessResult.Success || data.Overflowed)
        {
            GetApdu.WriteResponseNormalError(_writer, invoke, data.Overflowed ? DataAccessResult.OtherReason : result);
            return;
        }

        if (data.Length + 4 <= MaxResponse)
        {
            GetApdu.BeginResponseNormal(_writer, invoke);
            _writer.Bytes(_encoded, 0, data.Length);
            return;
        }

        StartBlocks(invoke, data.Length);
    }

    private void GetWithList(byte[] request, byte invoke, DateTime now)
    {
        _pending = Array.Empty<byte>();
        if ((NegotiatedConformance & Conformance.MultipleReferences) == 0)
        {
            GetApdu.WriteExceptionResponse(_writer, 2, 1); // service-unknown, service-not-supported
            return;
        }

        WithListRequests++;
        var body = new AxdrWriter(_encoded);
        body.WriteLength(_getRequest.Count);
        for (int i = 0; i < _getRequest.Count; i++)
        {
            var item = new AxdrWriter(_item);
            DataAccessResult result = _getRequest.ItemSelector(i) != 0
                ? DataAccessResult.ScopeOfAccessViolated
                : _model.Read(_getRequest.Item(i), new SelectiveAccess(), item, now);
            if (result == DataAccessResult.Success && !item.Overflowed)
            {
                body.Byte(0);
                body.Bytes(_item, 0, item.Length);
            }
            else
            {
                body.Byte(1);
                body.Byte((int)(item.Overflowed ? DataAccessResult.OtherReason : result));
            }
        }

        if (body.Length + 3 <= MaxResponse)
        {
            _writer.Byte((int)DlmsApduTag.GetResponse);
            _writer.Byte(GetApdu.WithList);
            _writer.Byte(invoke);
            _writer.Bytes(_encoded, 0, body.Length);
            return;
        }

        StartBlocks(invoke, body.Length);
    }

    private void StartBlocks(byte invoke, int length)
    {
        if ((NegotiatedConformance & Conformance.BlockTransferWithGetOrRead) == 0)
        {
            GetApdu.WriteResponseNormalError(_writer, invoke, DataAccessResult.OtherReason);
            return;
        }

        _pending = _encoded.AsSpan(0, length).ToArray();
        _pendingOffset = 0;
        _blockNumber = 0;
        SendBlock(invoke);
    }

    private void GetNext(byte invoke)
    {
        if (_pending.Length == 0)
        {
            GetApdu.WriteResponseBlockError(_writer, invoke, _getRequest.BlockNumber, DataAccessResult.NoLongGetInProgress);
            return;
        }

        if (_getRequest.BlockNumber != _blockNumber)
        {
            _pending = Array.Empty<byte>();
            GetApdu.WriteResponseBlockError(_writer, invoke, _getRequest.BlockNumber, DataAccessResult.DataBlockNumberInvalid);
            return;
        }

        SendBlock(invoke);
    }

    private void SendBlock(byte invoke)
    {
        int room = MaxResponse - BlockOverhead;
        int size = Math.Min(room, _pending.Length - _pendingOffset);
        bool last = _pendingOffset + size == _pending.Length;
        _blockNumber++;
        GetApdu.WriteResponseBlock(_writer, invoke, last, _blockNumber, _pending, _pendingOffset, size);
        BlocksSent++;
        _pendingOffset += size;
        if (last)
        {
            _pending = Array.Empty<byte>();
        }
    }
}
