using System;
using Concentrator.Core.Hdlc;
using Concentrator.Host.Simulation.Dlms;

namespace Concentrator.Host.Simulation.Hdlc;

/// <summary>
/// The link layer of one simulated meter (IEC 62056-46, server side of normal response mode): SNRM/UA with parameter
/// negotiation, DISC, DM when not connected, I frames reassembled into a request APDU (acknowledging each segment with
/// RR), the APDU passed to an <see cref="IApduHandler"/>, and its answer sent back in segments, each further one asked
/// for with RR. A repeated frame (the client did not hear our answer) gets our last answer again. Faults from a
/// <see cref="HdlcFaultPlan"/> are applied to the answers. Pure state machine: frames in, bytes out; not thread-safe
/// (the bus serialises access).
/// </summary>
public sealed class HdlcServerStation
{
    private const int LlcLength = 3;

    private readonly IApduHandler _handler;
    private readonly byte[] _request = new byte[LlcLength + ApduHandlerLimits.MaxResponseLength];
    private readonly byte[] _response = new byte[LlcLength + ApduHandlerLimits.MaxResponseLength];
    private readonly byte[] _lastFrame;
    private readonly byte[] _parameters = new byte[32];
    private HdlcAddress _client;
    private int _lastFrameLength;
    private bool _lastWasInformation;
    private int _requestLength;
    private int _responseLength;
    private int _responseSent;
    private int _sendSequence;
    private int _receiveSequence;
    private int _maxTransmit;
    private int _maxReceive;

    /// <param name="address">The meter's HDLC address (logical + physical).</param>
    /// <param name="handler">The meter's application part.</param>
    /// <param name="maxInformationLength">Longest information field the meter sends and accepts (it offers this in its UA).</param>
    public HdlcServerStation(HdlcAddress address, IApduHandler handler, int maxInformationLength = HdlcLinkParameters.DefaultMaxInformationLength)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (maxInformationLength < 32 || maxInformationLength > 2030)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInformationLength), maxInformationLength, "max information length must be 32 .. 2030");
        }

        Address = address;
        _handler = handler;
        MaxInformationLength = maxInformationLength;
        _lastFrame = new byte[maxInformationLength + HdlcFrameEncoder.MaxOverhead];
    }

    public HdlcAddress Address { get; }

    public int MaxInformationLength { get; }

    public HdlcFaultPlan Faults { get; } = new();

    public bool Connected { get; private set; }

    /// <summary>Request APDUs passed to the handler.</summary>
    public int Requests { get; private set; }

    /// <summary>Frames answered again because the client repeated its frame.</summary>
    public int Repeats { get; private set; }

    /// <summary>Why the last frame got no answer or a refusal (for the simulator's diagnostics).</summary>
    public string LastProblem { get; private set; } = string.Empty;

    /// <summary>The longest frame this station sends (flags included): the size <see cref="Handle"/>'s output needs.</summary>
    public int MaxFrameLength => _lastFrame.Length;

    /// <summary>
    /// Handles one frame addressed to this station and writes the answer (with any fault applied) into
    /// <paramref name="output"/>; returns its length, 0 for no answer.
    /// </summary>
    public int Handle(HdlcFrame frame, byte[] output)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(output);
        int length = Answer(frame);
        if (length == 0)
        {
            return 0;
        }

        HdlcFaultKind fault = Faults.Next();
        switch (fault)
        {
            case HdlcFaultKind.Silence:
                return 0;
            case HdlcFaultKind.DropAssociation:
                Disconnect();
                return Unnumbered(output, HdlcControl.Dm);
            case HdlcFaultKind.Truncated:
                length /= 2;
                Buffer.BlockCopy(_lastFrame, 0, output, 0, length);
                return length;
            case HdlcFaultKind.BadFcs:
                Buffer.BlockCopy(_lastFrame, 0, output, 0, length);
                output[length - 3] ^= 0x04;
                return length;
            default:
                Buffer.BlockCopy(_lastFrame, 0, output, 0, length);
                return length;
        }
    }

    // Builds the answer into _lastFrame; returns its length (0: none).
    private int Answer(HdlcFrame frame)
    {
        switch (frame.Type)
        {
            case HdlcFrameType.SetNormalResponseMode:
                return Connect(frame);
            case HdlcFrameType.Disconnect:
                bool was = Connected;
                Disconnect();
                _client = frame.Source;
                return Store(was ? HdlcControl.Unnumbered(HdlcControl.Ua) : HdlcControl.Unnumbered(HdlcControl.Dm), false, null, 0, 0);
            case HdlcFrameType.Information:
                return Connected && frame.Source.SameAs(_client) ? Information(frame) : Refuse(frame, "I frame while not connected");
            case HdlcFrameType.ReceiveReady:
                return Connected && frame.Source.SameAs(_client) ? ReceiveReady(frame) : Refuse(frame, "RR while not connected");
            case HdlcFrameType.UnnumberedInformation:
                return 0;
            default:
                return Refuse(frame, "frame type " + HdlcControl.Name(frame.Type) + " not handled");
        }
    }

    private int Connect(HdlcFrame frame)
    {
        if (!HdlcLinkParameters.TryRead(frame.Buffer, frame.InformationOffset, frame.InformationLength, out HdlcLinkParameters proposed))
        {
            LastProblem = "SNRM with a malformed parameter block";
            _client = frame.Source;
            return Store(HdlcControl.Unnumbered(HdlcControl.Frmr), false, null, 0, 0);
        }

        // The client's transmit length is what we receive, and the other way round.
        _maxTransmit = Math.Min(MaxInformationLength, proposed.MaxInformationReceive);
        _maxReceive = Math.Min(MaxInformationLength, proposed.MaxInformationTransmit);
        _client = frame.Source;
        _sendSequence = 0;
        _receiveSequence = 0;
        _requestLength = 0;
        _responseLength = 0;
        _responseSent = 0;
        Connected = true;
        _handler.Reset();
        int length = new HdlcLinkParameters(_maxTransmit, _maxReceive, 1, 1).WriteTo(_parameters, 0);
        return Store(HdlcControl.Unnumbered(HdlcControl.Ua), false, _parameters, 0, length);
    }

    private void Disconnect()
    {
        if (Connected)
        {
            _handler.Reset();
        }

        Connected = false;
        _requestLength = 0;
        _responseLength = 0;
        _responseSent = 0;
    }

    private int Information(HdlcFrame frame)
    {
        if (frame.SendSequence == ((_receiveSequence + 7) & 7) && _lastFrameLength > 0)
        {
            // The client repeats a frame: it did not hear our answer.
            Repeats++;
            return _lastFrameLength;
        }

        if (frame.SendSequence != _receiveSequence)
        {
            LastProblem = "I frame N(S)=" + frame.SendSequence + ", expected " + _receiveSequence;
            Disconnect();
            return Store(HdlcControl.Unnumbered(HdlcControl.Frmr), false, null, 0, 0);
        }

        if (frame.InformationLength > _maxReceive || _requestLength + frame.InformationLength > _request.Length)
        {
            LastProblem = "I frame of " + frame.InformationLength + " bytes, more than the " + _maxReceive + " negotiated";
            Disconnect();
            return Store(HdlcControl.Unnumbered(HdlcControl.Frmr), false, null, 0, 0);
        }

        Buffer.BlockCopy(frame.Buffer, frame.InformationOffset, _request, _requestLength, frame.InformationLength);
        _requestLength += frame.InformationLength;
        _receiveSequence = (_receiveSequence + 1) & 7;
        if (frame.Segmented)
        {
            return Store(HdlcControl.ReceiveReady(_receiveSequence, true), false, null, 0, 0);
        }

        int requestLength = _requestLength;
        _requestLength = 0;
        if (requestLength < LlcLength || _request[0] != 0xE6 || _request[1] != 0xE6 || _request[2] != 0x00)
        {
            LastProblem = "request without the LLC header E6 E6 00";
            return 0;
        }

        Requests++;
        int answer = _handler.Handle(_request, LlcLength, requestLength - LlcLength, _response, LlcLength);
        if (answer < 0)
        {
            LastProblem = "the meter's application gave no answer";
            return 0;
        }

        _response[0] = 0xE6;
        _response[1] = 0xE7;
        _response[2] = 0x00;
        _responseLength = LlcLength + answer;
        _responseSent = 0;
        return NextSegment();
    }

    private int ReceiveReady(HdlcFrame frame)
    {
        if (frame.ReceiveSequence == ((_sendSequence + 7) & 7) && _lastWasInformation)
        {
            // The client asks again for the segment we sent last: it was lost.
            Repeats++;
            return _lastFrameLength;
        }

        if (_responseSent < _responseLength)
        {
            return NextSegment();
        }

        return Store(HdlcControl.ReceiveReady(_receiveSequence, true), false, null, 0, 0);
    }

    private int NextSegment()
    {
        int length = Math.Min(_maxTransmit, _responseLength - _responseSent);
        bool more = _responseSent + length < _responseLength;
        int frameLength = Store(HdlcControl.Information(_sendSequence, _receiveSequence, true), more, _response, _responseSent, length);
        _responseSent += length;
        _sendSequence = (_sendSequence + 1) & 7;
        if (!more)
        {
            _responseLength = 0;
            _responseSent = 0;
        }

        return frameLength;
    }

    private int Refuse(HdlcFrame frame, string problem)
    {
        LastProblem = problem;
        _client = frame.Source;
        return Store(HdlcControl.Unnumbered(HdlcControl.Dm), false, null, 0, 0);
    }

    private int Store(byte control, bool segmented, byte[]? information, int offset, int length)
    {
        _lastFrameLength = HdlcFrameEncoder.Encode(_lastFrame, 0, _client, Address, control, segmented, information, offset, length);
        _lastWasInformation = HdlcControl.TypeOf(control) == HdlcFrameType.Information;
        return _lastFrameLength;
    }

    private int Unnumbered(byte[] output, byte command)
    {
        return HdlcFrameEncoder.Encode(output, 0, _client, Address, HdlcControl.Unnumbered(command), false, null, 0, 0);
    }
}
