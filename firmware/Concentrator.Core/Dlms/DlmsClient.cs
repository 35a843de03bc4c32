using System;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// The DLMS/COSEM application layer of a client (IEC 62056-5-3): association (AARQ/AARE, authentication none or
    /// low), GET normal with block transfer, GET-with-list chunked to the meter's limits (falling back to single
    /// GETs when the meter does not grant multiple-references or refuses with-list), release (RLRQ/RLRE). It speaks
    /// bare APDUs through an <see cref="IApduTransport"/> (HDLC or the TCP wrapper). All buffers are allocated in
    /// the constructor; a call allocates nothing. Results stay in the client's data buffer until the next call and
    /// are read with <see cref="Value"/>. Class-aware reading is in <see cref="CosemObjectReader"/>.
    /// </summary>
    public sealed class DlmsClient
    {
        private readonly IApduTransport _transport;
        private readonly DlmsClientOptions _options;
        private readonly byte[] _request;
        private readonly byte[] _response;
        private readonly byte[] _data;
        private readonly AxdrWriter _writer = new AxdrWriter();
        private readonly AxdrReader _reader = new AxdrReader();
        private readonly GetResponseParser _parser;
        private readonly AssociationRequest _aarq = new AssociationRequest();
        private readonly AssociationResponse _aare = new AssociationResponse();
        private readonly DlmsClientError _error = new DlmsClientError();
        private readonly int[] _itemStart;
        private readonly int[] _itemLength;
        private readonly byte[] _itemResult;
        private IMillisecondClock _clock;
        private long _deadline;
        private int _budget;
        private int _exchangesAtLimit;
        private int _dataLength;
        private int _invokeId;
        private bool _withListRefused;

        public DlmsClient(IApduTransport transport, DlmsClientOptions options)
        {
            if (transport == null)
            {
                throw new ArgumentNullException("transport");
            }

            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.MaxReceivePduSize < 64 || options.MaxReceivePduSize > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("options", "MaxReceivePduSize must be 64..65535");
            }

            if (options.MaxAttributesPerCall < 1 || options.MaxAttributesPerRequest < 1 || options.RequestBufferSize < 128 || options.DataBufferSize < 64)
            {
                throw new ArgumentOutOfRangeException("options", "buffer sizes and attribute counts must be positive (request buffer ≥ 128)");
            }

            _transport = transport;
            _options = options;
            _request = new byte[options.RequestBufferSize];
            _response = new byte[options.MaxReceivePduSize + 16];
            _data = new byte[options.DataBufferSize];
            _parser = new GetResponseParser(options.MaxAttributesPerCall);
            _itemStart = new int[options.MaxAttributesPerCall];
            _itemLength = new int[options.MaxAttributesPerCall];
            _itemResult = new byte[options.MaxAttributesPerCall];
            _aarq.Authentication = options.Authentication;
            _aarq.SetPassword(options.Password == null ? string.Empty : options.Password);
            _aarq.ProposedConformance = options.ProposedConformance;
            _aarq.MaxReceivePduSize = options.MaxReceivePduSize;
        }

        public DlmsClientError LastError
        {
            get { return _error; }
        }

        public IApduTransport Transport
        {
            get { return _transport; }
        }

        public bool Associated { get; private set; }

        public uint NegotiatedConformance { get; private set; }

        public int ServerMaxReceivePduSize { get; private set; }

        /// <summary>APDU request/response exchanges since the client was made (AARQ, GETs, blocks, RLRQ).</summary>
        public int Exchanges { get; private set; }

        /// <summary>True when GET-with-list will be used: allowed by the options, granted by the meter and not refused by it.</summary>
        public bool WithListInUse
        {
            get { return _options.UseWithList && !_withListRefused && (NegotiatedConformance & Conformance.MultipleReferences) != 0; }
        }

        public int MaxAttributesPerCall
        {
            get { return _itemStart.Length; }
        }

        /// <summary>
        /// Bounds what follows as a whole: once <paramref name="budgetMilliseconds"/> have passed on
        /// <paramref name="clock"/>, no further request is sent and the call returns
        /// <see cref="DlmsClientStatus.BudgetExhausted"/>. A request already on the line is bounded by the transport's
        /// own timeouts, so a read ends at most one exchange after its budget. <see cref="Release"/> is exempt: it is
        /// one short exchange that leaves the meter free for the next client.
        /// </summary>
        public void LimitTo(IMillisecondClock clock, int budgetMilliseconds)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            _budget = budgetMilliseconds;
            _deadline = clock.NowMilliseconds + budgetMilliseconds;
            _exchangesAtLimit = Exchanges;
        }

        /// <summary>Removes the bound set by <see cref="LimitTo"/>.</summary>
        public void Unlimited()
        {
            _clock = null;
        }

        /// <summary>Opens the transport and associates (AARQ/AARE).</summary>
        public DlmsClientStatus Associate()
        {
            _error.Clear();
            Associated = false;
            _withListRefused = false;
            ApduTransportStatus open = _transport.Open();
            if (open != ApduTransportStatus.Ok)
            {
                return TransportFailure(open);
            }

            _writer.Reset(_request, 0, _request.Length);
            _aarq.Encode(_writer);
            int responseLength;
            DlmsClientStatus status = Exchange(out responseLength);
            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            DlmsApduStatus parsed = _aare.Parse(_response, 0, responseLength);
            if (parsed != DlmsApduStatus.Ok)
            {
                return _error.Set(parsed == DlmsApduStatus.UnexpectedTag ? DlmsClientStatus.UnexpectedResponse : DlmsClientStatus.MalformedResponse, _aare.LastCheck);
            }

            if (!_aare.Accepted)
            {
                _error.Rejection = _aare;
                return _error.Set(DlmsClientStatus.AssociationRejected, "AARE result accepted");
            }

            if (!_aare.HasInitiateResponse)
            {
                return _error.Set(DlmsClientStatus.MalformedResponse, "an accepting AARE carries an InitiateResponse");
            }

            if ((_aare.NegotiatedConformance & Conformance.Get) == 0)
            {
                return _error.Set(DlmsClientStatus.UnexpectedResponse, "negotiated conformance grants get", Conformance.Get, _aare.NegotiatedConformance);
            }

            NegotiatedConformance = _aare.NegotiatedConformance;
            ServerMaxReceivePduSize = _aare.ServerMaxReceivePduSize == 0 ? 0xFFFF : _aare.ServerMaxReceivePduSize;
            Associated = true;
            return DlmsClientStatus.Ok;
        }

        /// <summary>Releases the association (RLRQ/RLRE) if there is one and closes the transport; always closes.</summary>
        public DlmsClientStatus Release()
        {
            _error.Clear();
            _clock = null;
            DlmsClientStatus status = DlmsClientStatus.Ok;
            if (Associated)
            {
                Associated = false;
                _writer.Reset(_request, 0, _request.Length);
                GetApdu.WriteReleaseRequest(_writer);
                int responseLength;
                status = Exchange(out responseLength);
                if (status == DlmsClientStatus.Ok && GetApdu.ParseRelease(_response, 0, responseLength, DlmsApduTag.Rlre) < -1)
                {
                    status = _error.Set(DlmsClientStatus.MalformedResponse, "RLRE (tag 0x63, BER length)");
                }
            }

            _transport.Close();
            return status;
        }

        /// <summary>GET of one attribute (block transfer followed); the value is then read with <c>Value(0)</c>.</summary>
        public DlmsClientStatus Get(CosemAttributeDescriptor attribute)
        {
            return Get(attribute, new SelectiveAccess());
        }

        public DlmsClientStatus Get(CosemAttributeDescriptor attribute, SelectiveAccess access)
        {
            _error.Clear();
            _dataLength = 0;
            DlmsClientStatus status = GetOne(attribute, access, 0);
            if (status == DlmsClientStatus.Ok && _itemResult[0] != (byte)DataAccessResult.Success)
            {
                _error.Result = (DataAccessResult)_itemResult[0];
                _error.SetAttribute(attribute);
                return _error.Set(DlmsClientStatus.DataAccessError, DlmsClientError.AttributeRefused);
            }

            return status;
        }

        /// <summary>
        /// GETs attributes[start .. start+count): with-list requests in chunks when <see cref="WithListInUse"/>, single
        /// GETs otherwise. Ok means every request was answered; each attribute's own outcome is <see cref="Result"/>.
        /// </summary>
        public DlmsClientStatus GetList(CosemAttributeDescriptor[] attributes, int start, int count)
        {
            _error.Clear();
            _dataLength = 0;
            if (count > _itemStart.Length)
            {
                return _error.Set(DlmsClientStatus.CapacityExceeded, "attributes per call within MaxAttributesPerCall", _itemStart.Length, count);
            }

            int done = 0;
            while (done < count)
            {
                if (!WithListInUse || count - done == 1)
                {
                    DlmsClientStatus single = GetOne(attributes[start + done], new SelectiveAccess(), done);
                    if (single != DlmsClientStatus.Ok)
                    {
                        return single;
                    }

                    done++;
                    continue;
                }

                int chunk = ChunkSize(count - done);
                DlmsClientStatus status = GetChunk(attributes, start + done, chunk, done);
                if (status == DlmsClientStatus.ServiceError && _withListRefused)
                {
                    continue; // the meter refused with-list: the rest goes one by one
                }

                if (status != DlmsClientStatus.Ok)
                {
                    return status;
                }

                done += chunk;
            }

            return DlmsClientStatus.Ok;
        }

        /// <summary>The outcome of attribute <paramref name="index"/> of the last Get/GetList.</summary>
        public DataAccessResult Result(int index)
        {
            return (DataAccessResult)_itemResult[index];
        }

        /// <summary>A reader positioned on the value of attribute <paramref name="index"/> of the last Get/GetList.</summary>
        public AxdrReader Value(int index)
        {
            _reader.Reset(_data, _itemStart[index], _itemLength[index]);
            return _reader;
        }

        /// <summary>The data buffer holding the values (for copying raw bytes out).</summary>
        public byte[] Data
        {
            get { return _data; }
        }

        // With-list items per request: the options' limit, and what fits the meter's receive PDU (4-byte header + 10 per item).
        private int ChunkSize(int remaining)
        {
            int fit = (ServerMaxReceivePduSize - 4) / 10;
            int fitRequest = (_request.Length - 4) / 10;
            int chunk = _options.MaxAttributesPerRequest;
            if (fit < chunk)
            {
                chunk = fit;
            }

            if (fitRequest < chunk)
            {
                chunk = fitRequest;
            }

            if (remaining < chunk)
            {
                chunk = remaining;
            }

            return chunk < 1 ? 1 : chunk;
        }

        private byte NextInvokeId()
        {
            _invokeId = (_invokeId + 1) & 0x0F;
            return GetApdu.InvokeIdAndPriority(_invokeId);
        }

        private DlmsClientStatus GetOne(CosemAttributeDescriptor attribute, SelectiveAccess access, int item)
        {
            if (!Associated)
            {
                return _error.Set(DlmsClientStatus.NotAssociated, "associate before GET");
            }

            byte invoke = NextInvokeId();
            _writer.Reset(_request, 0, _request.Length);
            GetApdu.WriteRequestNormal(_writer, invoke, attribute, access);
            if (_writer.Overflowed)
            {
                return _error.Set(DlmsClientStatus.BufferTooSmall, "request fits the request buffer", _request.Length, _request.Length + 1);
            }

            int responseLength;
            DlmsClientStatus status = Exchange(out responseLength);
            if (status == DlmsClientStatus.Ok)
            {
                status = ParseResponse(responseLength, invoke, GetResponseKind.Normal);
            }

            if (status != DlmsClientStatus.Ok)
            {
                _error.SetAttribute(attribute);
                return status;
            }

            int start = _dataLength;
            if (_parser.Kind == GetResponseKind.WithDatablock)
            {
                status = ReceiveBlocks(invoke);
                if (status != DlmsClientStatus.Ok)
                {
                    _error.SetAttribute(attribute);
                    return status;
                }

                if (!_parser.IsData)
                {
                    return RecordItem(item, 0, 0, _parser.Result);
                }

                _reader.Reset(_data, start, _dataLength - start);
                AxdrStatus data = _reader.Skip();
                if (data != AxdrStatus.Ok || _reader.Position != _dataLength)
                {
                    _error.SetAttribute(attribute);
                    return _error.Set(DlmsClientStatus.MalformedResponse, data != AxdrStatus.Ok ? GetResponseParser.AxdrCheck(data) : "reassembled blocks hold exactly one value");
                }

                return RecordItem(item, start, _dataLength - start, DataAccessResult.Success);
            }

            if (!_parser.IsData)
            {
                return RecordItem(item, 0, 0, _parser.Result);
            }

            if (!Append(_response, _parser.DataStart, _parser.DataLength))
            {
                _error.SetAttribute(attribute);
                return _error.Kind;
            }

            return RecordItem(item, start, _parser.DataLength, DataAccessResult.Success);
        }

        private DlmsClientStatus GetChunk(CosemAttributeDescriptor[] attributes, int first, int count, int item)
        {
            byte invoke = NextInvokeId();
            _writer.Reset(_request, 0, _request.Length);
            GetApdu.WriteRequestWithList(_writer, invoke, attributes, first, count);
            int responseLength;
            DlmsClientStatus status = Exchange(out responseLength);
            if (status == DlmsClientStatus.Ok)
            {
                status = ParseResponse(responseLength, invoke, GetResponseKind.WithList);
            }

            if (status == DlmsClientStatus.ServiceError && _error.StateError != 1)
            {
                // service-unknown / service-not-supported for with-list: some meters announce multiple-references and
                // still refuse it; the caller continues with single GETs.
                _withListRefused = true;
                return status;
            }

            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            if (_parser.Kind == GetResponseKind.WithDatablock)
            {
                int start = _dataLength;
                status = ReceiveBlocks(invoke);
                if (status != DlmsClientStatus.Ok)
                {
                    return status;
                }

                if (!_parser.IsData)
                {
                    for (int i = 0; i < count; i++)
                    {
                        RecordItem(item + i, 0, 0, _parser.Result);
                    }

                    return DlmsClientStatus.Ok;
                }

                DlmsApduStatus body = _parser.ParseListBody(_data, start, _dataLength);
                if (body != DlmsApduStatus.Ok)
                {
                    return _error.Set(DlmsClientStatus.MalformedResponse, _parser.LastCheck);
                }

                if (_parser.Count != count)
                {
                    return _error.Set(DlmsClientStatus.UnexpectedResponse, "with-list response has one result per attribute", count, _parser.Count);
                }

                for (int i = 0; i < count; i++)
                {
                    RecordItem(item + i, _parser.ItemStart(i), _parser.ItemLength(i), _parser.ItemResult(i));
                }

                return DlmsClientStatus.Ok;
            }

            if (_parser.Count != count)
            {
                return _error.Set(DlmsClientStatus.UnexpectedResponse, "with-list response has one result per attribute", count, _parser.Count);
            }

            for (int i = 0; i < count; i++)
            {
                if (!_parser.ItemIsData(i))
                {
                    RecordItem(item + i, 0, 0, _parser.ItemResult(i));
                    continue;
                }

                int start = _dataLength;
                if (!Append(_response, _parser.ItemStart(i), _parser.ItemLength(i)))
                {
                    return _error.Kind;
                }

                RecordItem(item + i, start, _parser.ItemLength(i), DataAccessResult.Success);
            }

            return DlmsClientStatus.Ok;
        }

        private DlmsClientStatus RecordItem(int item, int start, int length, DataAccessResult result)
        {
            _itemStart[item] = start;
            _itemLength[item] = length;
            _itemResult[item] = (byte)result;
            return DlmsClientStatus.Ok;
        }

        // Blocks: the first is parsed already; appends raw data and asks for the next until last-block.
        private DlmsClientStatus ReceiveBlocks(byte invoke)
        {
            uint expected = 1;
            int blocks = 0;
            while (true)
            {
                if (_parser.BlockNumber != expected)
                {
                    return _error.Set(DlmsClientStatus.BlockTransferFailed, "block number in sequence", expected, _parser.BlockNumber);
                }

                if (!_parser.IsData)
                {
                    return DlmsClientStatus.Ok; // a Data-Access-Result in place of the block (e.g. long-get-aborted)
                }

                if (!Append(_response, _parser.DataStart, _parser.DataLength))
                {
                    return _error.Kind;
                }

                if (_parser.LastBlock)
                {
                    _parser.IsData = true;
                    return DlmsClientStatus.Ok;
                }

                blocks++;
                if (blocks >= _options.MaxBlocks)
                {
                    return _error.Set(DlmsClientStatus.BlockTransferFailed, "last block within MaxBlocks", _options.MaxBlocks, blocks + 1);
                }

                _writer.Reset(_request, 0, _request.Length);
                GetApdu.WriteRequestNext(_writer, invoke, expected);
                int responseLength;
                DlmsClientStatus status = Exchange(out responseLength);
                if (status == DlmsClientStatus.Ok)
                {
                    status = ParseResponse(responseLength, invoke, GetResponseKind.WithDatablock);
                }

                if (status != DlmsClientStatus.Ok)
                {
                    return status;
                }

                if (_parser.Kind != GetResponseKind.WithDatablock)
                {
                    return _error.Set(DlmsClientStatus.BlockTransferFailed, "a data block answers GET-Request-Next", (long)GetResponseKind.WithDatablock, (long)_parser.Kind);
                }

                expected++;
            }
        }

        // Parses the response and turns exceptions, wrong APDUs and wrong invoke ids into errors.
        private DlmsClientStatus ParseResponse(int length, byte invoke, GetResponseKind wanted)
        {
            DlmsApduStatus parsed = _parser.Parse(_response, 0, length);
            if (parsed != DlmsApduStatus.Ok)
            {
                return _error.Set(parsed == DlmsApduStatus.UnexpectedTag ? DlmsClientStatus.UnexpectedResponse : DlmsClientStatus.MalformedResponse, _parser.LastCheck, 0, _parser.ErrorOffset);
            }

            if (_parser.Kind == GetResponseKind.Exception || _parser.Kind == GetResponseKind.ConfirmedServiceError)
            {
                _error.StateError = _parser.StateError;
                _error.ServiceError = _parser.ServiceError;
                _error.ConfirmedServiceError = _parser.Kind == GetResponseKind.ConfirmedServiceError;
                if (_parser.Kind == GetResponseKind.Exception && _parser.StateError == 1)
                {
                    // service-not-allowed: the meter no longer has an association with us.
                    Associated = false;
                    return _error.Set(DlmsClientStatus.AssociationLost, "exception-response state-error service-not-allowed: the meter has no association with this client");
                }

                return _error.Set(DlmsClientStatus.ServiceError, "GET answered by the meter");
            }

            if ((_parser.InvokeIdAndPriority & 0x0F) != (invoke & 0x0F))
            {
                return _error.Set(DlmsClientStatus.UnexpectedResponse, "invoke-id matches the request", invoke & 0x0F, _parser.InvokeIdAndPriority & 0x0F);
            }

            if (_parser.Kind == GetResponseKind.WithDatablock || _parser.Kind == wanted)
            {
                return DlmsClientStatus.Ok;
            }

            return _error.Set(DlmsClientStatus.UnexpectedResponse, "GET-Response kind matches the request", (long)wanted, (long)_parser.Kind);
        }

        private bool Append(byte[] source, int offset, int count)
        {
            if (count > _data.Length - _dataLength)
            {
                _error.Set(DlmsClientStatus.BufferTooSmall, "response data fits DataBufferSize", _data.Length, _dataLength + count);
                return false;
            }

            Array.Copy(source, offset, _data, _dataLength, count);
            _dataLength += count;
            return true;
        }

        private DlmsClientStatus Exchange(out int responseLength)
        {
            responseLength = 0;
            if (_writer.Overflowed)
            {
                return _error.Set(DlmsClientStatus.BufferTooSmall, "request fits RequestBufferSize", _request.Length, _request.Length + 1);
            }

            if (_clock != null && _clock.NowMilliseconds >= _deadline)
            {
                return _error.Set(DlmsClientStatus.BudgetExhausted, "the meter answers too slowly for the read budget: raise it or read fewer objects", _budget, Exchanges - _exchangesAtLimit);
            }

            Exchanges++;
            ApduTransportStatus status = _transport.Exchange(_request, 0, _writer.Length, _response, out responseLength);
            if (status != ApduTransportStatus.Ok)
            {
                return TransportFailure(status);
            }

            return DlmsClientStatus.Ok;
        }

        private DlmsClientStatus TransportFailure(ApduTransportStatus status)
        {
            _error.TransportStatus = status;
            _error.Transport = _transport.LastError;
            if (status == ApduTransportStatus.Disconnected)
            {
                Associated = false;
                return _error.Set(DlmsClientStatus.AssociationLost, "the link to the meter is up (the meter disconnected)");
            }

            return _error.Set(DlmsClientStatus.TransportFailed, "APDU exchange");
        }
    }
}
