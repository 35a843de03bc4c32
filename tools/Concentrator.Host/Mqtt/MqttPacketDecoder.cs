using System;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// Assembles MQTT Control Packets from a byte stream that arrives in arbitrary pieces (TCP segments).
/// Feed it whatever was received; it checks the fixed header as soon as it has it (type, flags per
/// MQTT 3.1.1 2.2.2 Table 2.2, Remaining Length per 2.2.3, the fixed lengths of the short packets and the
/// configured maximum) and collects the variable header and payload into a buffer it owns.
/// After <see cref="MqttDecodeStatus.Ok"/>, <see cref="PacketType"/>, <see cref="Flags"/> and
/// <c>Body[0 .. BodyLength)</c> describe the packet until the next call, and the packet's own
/// <c>TryDecode</c> turns the body into fields. After a failure the decoder keeps returning the same
/// status until <see cref="Reset"/>: 4.8 requires the connection to be closed.
/// </summary>
public sealed class MqttPacketDecoder
{
    /// <summary>The largest packet MQTT 3.1.1 can express: one type byte, four length bytes, 268435455 body bytes.</summary>
    public const int LargestPossiblePacketSize = 1 + MqttRemainingLength.MaximumSize + MqttRemainingLength.MaximumValue;

    private const int InitialBodyCapacity = 256;

    private readonly int _maximumPacketSize;
    private readonly byte[] _lengthBytes = new byte[MqttRemainingLength.MaximumSize];
    private byte[] _body = new byte[InitialBodyCapacity];
    private int _lengthByteCount;
    private int _remainingLength;
    private int _bodyLength;
    private MqttPacketDecoderStage _stage;
    private MqttDecodeStatus _failure;

    /// <param name="maximumPacketSize">The largest whole packet (fixed header included) accepted; larger ones fail with <see cref="MqttDecodeStatus.PacketTooLarge"/>.</param>
    public MqttPacketDecoder(int maximumPacketSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumPacketSize, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumPacketSize, LargestPossiblePacketSize);
        _maximumPacketSize = maximumPacketSize;
    }

    public MqttPacketType PacketType { get; private set; }

    /// <summary>The low nibble of the first byte (2.2.2).</summary>
    public byte Flags { get; private set; }

    /// <summary>Variable header and payload of the last complete packet: <c>Body[0 .. BodyLength)</c>.</summary>
    public byte[] Body => _body;

    public int BodyLength => _bodyLength;

    /// <summary>Size of the last complete packet on the wire, fixed header included.</summary>
    public int PacketSize => 1 + _lengthByteCount + _remainingLength;

    /// <summary>True between a malformed packet and <see cref="Reset"/>.</summary>
    public bool HasFailed => _stage == MqttPacketDecoderStage.Failed;

    /// <summary>Forgets any partial packet and any failure, ready for a new connection.</summary>
    public void Reset()
    {
        _stage = MqttPacketDecoderStage.FirstByte;
        _failure = MqttDecodeStatus.Ok;
        _lengthByteCount = 0;
        _remainingLength = 0;
        _bodyLength = 0;
    }

    /// <summary>
    /// Takes bytes from <c>data[offset .. offset + count)</c> up to the end of one packet.
    /// Returns <see cref="MqttDecodeStatus.Ok"/> when a packet is complete (<paramref name="consumed"/>
    /// may then be less than <paramref name="count"/>: call again with the rest),
    /// <see cref="MqttDecodeStatus.NeedMoreData"/> when every byte was taken and the packet is still
    /// incomplete, or the reason the packet is malformed.
    /// </summary>
    public MqttDecodeStatus Decode(byte[] data, int offset, int count, out int consumed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie within the array.");
        }

        consumed = 0;
        if (_stage == MqttPacketDecoderStage.Failed)
        {
            return _failure;
        }

        if (_stage == MqttPacketDecoderStage.Complete)
        {
            _stage = MqttPacketDecoderStage.FirstByte;
        }

        while (consumed < count)
        {
            switch (_stage)
            {
                case MqttPacketDecoderStage.FirstByte:
                {
                    byte first = data[offset + consumed++];
                    PacketType = (MqttPacketType)(first >> 4);
                    Flags = (byte)(first & 0x0F);
                    MqttDecodeStatus headerStatus = CheckTypeAndFlags(PacketType, Flags);
                    if (headerStatus != MqttDecodeStatus.Ok)
                    {
                        return Fail(headerStatus);
                    }

                    _lengthByteCount = 0;
                    _remainingLength = 0;
                    _bodyLength = 0;
                    _stage = MqttPacketDecoderStage.RemainingLength;
                    break;
                }

                case MqttPacketDecoderStage.RemainingLength:
                {
                    _lengthBytes[_lengthByteCount++] = data[offset + consumed++];
                    MqttDecodeStatus lengthStatus = MqttRemainingLength.TryDecode(_lengthBytes, 0, _lengthByteCount, out int remainingLength, out _);
                    if (lengthStatus == MqttDecodeStatus.NeedMoreData)
                    {
                        break;
                    }

                    if (lengthStatus != MqttDecodeStatus.Ok)
                    {
                        return Fail(lengthStatus);
                    }

                    _remainingLength = remainingLength;
                    if (!HasValidRemainingLength(PacketType, remainingLength))
                    {
                        return Fail(MqttDecodeStatus.InvalidRemainingLength);
                    }

                    if (remainingLength > _maximumPacketSize - 1 - _lengthByteCount)
                    {
                        return Fail(MqttDecodeStatus.PacketTooLarge);
                    }

                    if (remainingLength == 0)
                    {
                        _stage = MqttPacketDecoderStage.Complete;
                        return MqttDecodeStatus.Ok;
                    }

                    if (_body.Length < remainingLength)
                    {
                        // Grows to the largest packet seen so far, never past the configured maximum.
                        _body = new byte[Math.Max(remainingLength, Math.Min(_body.Length * 2, _maximumPacketSize))];
                    }

                    _stage = MqttPacketDecoderStage.Body;
                    break;
                }

                case MqttPacketDecoderStage.Body:
                {
                    int take = Math.Min(count - consumed, _remainingLength - _bodyLength);
                    Buffer.BlockCopy(data, offset + consumed, _body, _bodyLength, take);
                    consumed += take;
                    _bodyLength += take;
                    if (_bodyLength == _remainingLength)
                    {
                        _stage = MqttPacketDecoderStage.Complete;
                        return MqttDecodeStatus.Ok;
                    }

                    break;
                }
            }
        }

        return MqttDecodeStatus.NeedMoreData;
    }

    /// <summary>Fixed header checks of 2.2.1 and 2.2.2 that need nothing but the first byte.</summary>
    public static MqttDecodeStatus CheckTypeAndFlags(MqttPacketType packetType, byte flags)
    {
        switch (packetType)
        {
            case MqttPacketType.Publish:
            {
                int qualityOfService = (flags >> 1) & 0x03;
                if (qualityOfService == 3)
                {
                    return MqttDecodeStatus.InvalidQualityOfService; // 3.3.1-4
                }

                bool duplicate = (flags & 0x08) != 0;
                return duplicate && qualityOfService == 0 ? MqttDecodeStatus.InvalidFlags : MqttDecodeStatus.Ok; // 3.3.1-2
            }

            case MqttPacketType.PubRel:
            case MqttPacketType.Subscribe:
            case MqttPacketType.Unsubscribe:
                return flags == 0x02 ? MqttDecodeStatus.Ok : MqttDecodeStatus.InvalidFlags; // 3.6.1-1, 3.8.1-1, 3.10.1-1

            case MqttPacketType.Connect:
            case MqttPacketType.ConnAck:
            case MqttPacketType.PubAck:
            case MqttPacketType.PubRec:
            case MqttPacketType.PubComp:
            case MqttPacketType.SubAck:
            case MqttPacketType.UnsubAck:
            case MqttPacketType.PingReq:
            case MqttPacketType.PingResp:
            case MqttPacketType.Disconnect:
                return flags == 0 ? MqttDecodeStatus.Ok : MqttDecodeStatus.InvalidFlags; // 2.2.2-1, 2.2.2-2

            default:
                return MqttDecodeStatus.ReservedPacketType; // 0 and 15, Table 2.1
        }
    }

    /// <summary>Packets whose Remaining Length the spec fixes: 2 (a Packet Identifier or CONNACK's two bytes) or 0.</summary>
    private static bool HasValidRemainingLength(MqttPacketType packetType, int remainingLength)
    {
        switch (packetType)
        {
            case MqttPacketType.ConnAck: // 3.2.1
            case MqttPacketType.PubAck: // 3.4.1
            case MqttPacketType.PubRec: // 3.5.1
            case MqttPacketType.PubRel: // 3.6.1
            case MqttPacketType.PubComp: // 3.7.1
            case MqttPacketType.UnsubAck: // 3.11.1
                return remainingLength == 2;
            case MqttPacketType.PingReq: // 3.12.1
            case MqttPacketType.PingResp: // 3.13.1
            case MqttPacketType.Disconnect: // 3.14.1
                return remainingLength == 0;
            default:
                return true;
        }
    }

    private MqttDecodeStatus Fail(MqttDecodeStatus status)
    {
        _stage = MqttPacketDecoderStage.Failed;
        _failure = status;
        return status;
    }
}
