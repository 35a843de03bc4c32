using System;
using System.Text;
using System.Text.Unicode;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// Bounds-checked reader over the variable header and payload of one packet
/// (<c>byte[] + offset + length</c>). Every read either succeeds or reports why it cannot;
/// nothing is read past <c>offset + length</c>.
/// </summary>
public struct MqttPacketReader
{
    private readonly byte[] _buffer;
    private readonly int _end;
    private int _position;

    public MqttPacketReader(byte[] buffer, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || length < 0 || offset > buffer.Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "offset and length must lie within the buffer.");
        }

        _buffer = buffer;
        _position = offset;
        _end = offset + length;
    }

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _end - _position;

    public bool TryReadByte(out byte value)
    {
        if (_position >= _end)
        {
            value = 0;
            return false;
        }

        value = _buffer[_position++];
        return true;
    }

    /// <summary>Two Byte Integer, most significant byte first (1.5.2).</summary>
    public bool TryReadUInt16(out ushort value)
    {
        if (_end - _position < 2)
        {
            value = 0;
            return false;
        }

        value = (ushort)((_buffer[_position] << 8) | _buffer[_position + 1]);
        _position += 2;
        return true;
    }

    /// <summary>
    /// UTF-8 encoded string with its two-byte length prefix (1.5.3). Rejects ill-formed UTF-8
    /// (which includes encoded surrogates, 1.5.3-1) and U+0000 (1.5.3-2). A leading U+FEFF is kept (1.5.3-3).
    /// </summary>
    /// <summary>
    /// The start of a SUBSCRIBE or UNSUBSCRIBE body: a non-zero packet identifier followed by at least one topic
    /// filter (MQTT 3.1.1 3.8.3-3, 3.10.3-2).
    /// </summary>
    public MqttDecodeStatus TryReadIdentifierBeforeFilters(out ushort packetIdentifier)
    {
        if (!TryReadUInt16(out packetIdentifier))
        {
            return MqttDecodeStatus.Truncated;
        }

        if (packetIdentifier == 0)
        {
            return MqttDecodeStatus.InvalidPacketIdentifier;
        }

        return Remaining == 0 ? MqttDecodeStatus.EmptyPayload : MqttDecodeStatus.Ok;
    }

    /// <summary>A topic filter: a UTF-8 string that is also a valid filter (4.7.1).</summary>
    public MqttDecodeStatus TryReadTopicFilter(out string topicFilter)
    {
        MqttDecodeStatus status = TryReadString(out topicFilter);
        if (status != MqttDecodeStatus.Ok)
        {
            return status;
        }

        return MqttTopic.IsValidTopicFilter(topicFilter) ? MqttDecodeStatus.Ok : MqttDecodeStatus.InvalidTopicFilter;
    }

    public MqttDecodeStatus TryReadString(out string value)
    {
        value = string.Empty;
        if (!TryReadUInt16(out ushort length))
        {
            return MqttDecodeStatus.Truncated;
        }

        if (_end - _position < length)
        {
            return MqttDecodeStatus.Truncated;
        }

        ReadOnlySpan<byte> bytes = new(_buffer, _position, length);
        if (!Utf8.IsValid(bytes) || bytes.IndexOf((byte)0) >= 0)
        {
            return MqttDecodeStatus.InvalidString;
        }

        value = Encoding.UTF8.GetString(bytes);
        _position += length;
        return MqttDecodeStatus.Ok;
    }

    /// <summary>Binary data with its two-byte length prefix (3.1.3.3 will message, 3.1.3.5 password).</summary>
    public bool TryReadBinary(out byte[] value)
    {
        value = Array.Empty<byte>();
        int start = _position;
        if (!TryReadUInt16(out ushort length))
        {
            return false;
        }

        if (_end - _position < length)
        {
            _position = start;
            return false;
        }

        value = TakeBytes(length);
        return true;
    }

    /// <summary>Everything left, copied into a new array (the PUBLISH payload, 3.3.3).</summary>
    public byte[] ReadRemaining() => TakeBytes(_end - _position);

    private byte[] TakeBytes(int length)
    {
        if (length == 0)
        {
            return Array.Empty<byte>();
        }

        byte[] bytes = new byte[length];
        Buffer.BlockCopy(_buffer, _position, bytes, 0, length);
        _position += length;
        return bytes;
    }
}
