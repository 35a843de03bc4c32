using System;
using System.Text;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// Reusable output buffer for encoding packets. Allocate one per connection, <see cref="Reset"/> it
/// before each packet and send <c>Buffer[0 .. Length)</c>. The buffer grows when a packet needs more room.
/// Invalid arguments (strings that cannot be MQTT strings, lengths past the spec's limits) are caller
/// misuse and throw.
/// </summary>
public sealed class MqttPacketWriter
{
    /// <summary>Largest UTF-8 string or binary field: its length must fit the two-byte prefix (1.5.3).</summary>
    public const int MaximumFieldLength = ushort.MaxValue;

    // Throws on lone surrogates instead of silently writing U+FFFD (1.5.3-1).
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer;
    private int _length;

    public MqttPacketWriter(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 16);
        _buffer = new byte[initialCapacity];
    }

    /// <summary>The encoded bytes are <c>Buffer[0 .. Length)</c>.</summary>
    public byte[] Buffer => _buffer;

    public int Length => _length;

    public void Reset() => _length = 0;

    /// <summary>Copies the encoded bytes into a new array (for tests and diagnostics, not per-packet paths).</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>The size a string field takes on the wire: two length bytes plus its UTF-8 bytes (1.5.3).</summary>
    public static int GetStringSize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0'))
        {
            throw new ArgumentException("MQTT strings must not contain U+0000 (MQTT 3.1.1 1.5.3-2).", nameof(value));
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException exception)
        {
            throw new ArgumentException("MQTT strings must be well-formed UTF-16 so they encode to well-formed UTF-8 (MQTT 3.1.1 1.5.3-1).", nameof(value), exception);
        }

        if (byteCount > MaximumFieldLength)
        {
            throw new ArgumentException("An MQTT string is at most 65535 bytes of UTF-8 (MQTT 3.1.1 1.5.3).", nameof(value));
        }

        return 2 + byteCount;
    }

    /// <summary>The size a binary field takes on the wire: two length bytes plus the data.</summary>
    public static int GetBinarySize(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaximumFieldLength)
        {
            throw new ArgumentException("An MQTT binary field is at most 65535 bytes (MQTT 3.1.1 3.1.3.3, 3.1.3.5).", nameof(value));
        }

        return 2 + value.Length;
    }

    /// <summary>First byte (type and flags) and Remaining Length (2.2).</summary>
    public void WriteFixedHeader(MqttPacketType packetType, byte flags, int remainingLength)
    {
        if ((flags & 0xF0) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(flags), flags, "Fixed header flags are four bits (MQTT 3.1.1 2.2.2).");
        }

        EnsureRoom(1 + MqttRemainingLength.GetEncodedSize(remainingLength));
        _buffer[_length++] = (byte)(((byte)packetType << 4) | flags);
        _length += MqttRemainingLength.Encode(remainingLength, _buffer, _length);
    }

    public void WriteByte(byte value)
    {
        EnsureRoom(1);
        _buffer[_length++] = value;
    }

    /// <summary>Two Byte Integer, most significant byte first (1.5.2).</summary>
    public void WriteUInt16(ushort value)
    {
        EnsureRoom(2);
        _buffer[_length++] = (byte)(value >> 8);
        _buffer[_length++] = (byte)value;
    }

    /// <summary>UTF-8 encoded string with its two-byte length prefix (1.5.3).</summary>
    public void WriteString(string value)
    {
        int size = GetStringSize(value);
        EnsureRoom(size);
        WriteUInt16((ushort)(size - 2));
        _length += StrictUtf8.GetBytes(value, 0, value.Length, _buffer, _length);
    }

    /// <summary>Binary data with its two-byte length prefix.</summary>
    public void WriteBinary(byte[] value)
    {
        int size = GetBinarySize(value);
        EnsureRoom(size);
        WriteUInt16((ushort)value.Length);
        WriteBytes(value, 0, value.Length);
    }

    /// <summary>Raw bytes without a length prefix (the PUBLISH payload, 3.3.3).</summary>
    public void WriteBytes(byte[] value, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (offset < 0 || count < 0 || offset > value.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie within the array.");
        }

        EnsureRoom(count);
        System.Buffer.BlockCopy(value, offset, _buffer, _length, count);
        _length += count;
    }

    private void EnsureRoom(int count)
    {
        int needed = _length + count;
        if (needed <= _buffer.Length)
        {
            return;
        }

        int capacity = Math.Max(needed, _buffer.Length * 2);
        Array.Resize(ref _buffer, capacity);
    }
}
