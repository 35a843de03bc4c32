using System;

namespace Concentrator.Host.Mqtt;

/// <summary>
/// The Remaining Length of the fixed header (MQTT 3.1.1 2.2.3): seven bits per byte, least significant
/// group first, the top bit set while more bytes follow, at most four bytes.
/// </summary>
public static class MqttRemainingLength
{
    /// <summary>The largest value four bytes can carry: 0xFF 0xFF 0xFF 0x7F (2.2.3, Table 2.4).</summary>
    public const int MaximumValue = 268_435_455;

    /// <summary>The most bytes a Remaining Length may take.</summary>
    public const int MaximumSize = 4;

    /// <summary>The number of bytes <paramref name="value"/> takes when encoded.</summary>
    public static int GetEncodedSize(int value)
    {
        if (value < 0 || value > MaximumValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Remaining Length must be 0 .. 268435455 (MQTT 3.1.1 2.2.3).");
        }

        if (value < 128)
        {
            return 1;
        }

        if (value < 16_384)
        {
            return 2;
        }

        return value < 2_097_152 ? 3 : 4;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="offset"/> and returns the number of bytes written.</summary>
    public static int Encode(int value, byte[] buffer, int offset)
    {
        int size = GetEncodedSize(value);
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || offset > buffer.Length - size)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "Not enough room for the Remaining Length.");
        }

        // 2.2.3: the algorithm for encoding the Remaining Length.
        int remaining = value;
        int position = offset;
        do
        {
            byte encoded = (byte)(remaining & 0x7F);
            remaining >>= 7;
            if (remaining > 0)
            {
                encoded |= 0x80;
            }

            buffer[position++] = encoded;
        }
        while (remaining > 0);

        return position - offset;
    }

    /// <summary>
    /// Decodes a Remaining Length from <paramref name="length"/> bytes at <paramref name="offset"/>.
    /// Returns <see cref="MqttDecodeStatus.NeedMoreData"/> when the bytes end before the last length byte,
    /// and <see cref="MqttDecodeStatus.RemainingLengthTooLong"/> when a fourth byte still has its continuation bit.
    /// </summary>
    public static MqttDecodeStatus TryDecode(byte[] buffer, int offset, int length, out int value, out int consumed)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || length < 0 || offset > buffer.Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "offset and length must lie within the buffer.");
        }

        value = 0;
        consumed = 0;
        while (consumed < length)
        {
            byte encoded = buffer[offset + consumed];
            value |= (encoded & 0x7F) << (7 * consumed);
            consumed++;
            if ((encoded & 0x80) == 0)
            {
                return MqttDecodeStatus.Ok;
            }

            if (consumed == MaximumSize)
            {
                return MqttDecodeStatus.RemainingLengthTooLong;
            }
        }

        return MqttDecodeStatus.NeedMoreData;
    }
}
