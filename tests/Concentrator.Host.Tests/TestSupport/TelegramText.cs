using System;
using System.Collections.Generic;
using System.Text;
using Concentrator.Core.Dsmr;

namespace Concentrator.Host.Tests.TestSupport;

/// <summary>Telegram bytes as text, an independent CRC, and feeding Core's decoder.</summary>
public static class TelegramText
{
    public static string Of(byte[] bytes, int offset, int count) => Encoding.Latin1.GetString(bytes, offset, count);

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>CRC-16/ARC bit by bit (reflected polynomial 0xA001, init 0): independent of Core's table-driven one.</summary>
    public static int ArcBitwise(byte[] data, int offset, int count)
    {
        int crc = 0;
        for (int i = offset; i < offset + count; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return crc;
    }

    /// <summary>Everything the decoder reports for the bytes (in pieces of <paramref name="piece"/>), then Finish(true).</summary>
    public static List<DsmrStatus> DecodeAll(DsmrTelegramDecoder decoder, byte[] data, int piece, Action<DsmrStatus, DsmrTelegramDecoder>? onReport = null)
    {
        var statuses = new List<DsmrStatus>();
        int position = 0;
        while (position < data.Length)
        {
            int count = Math.Min(piece, data.Length - position);
            DsmrStatus status = decoder.Feed(data, position, count, out int consumed);
            position += consumed;
            if (status != DsmrStatus.NeedMoreData)
            {
                statuses.Add(status);
                onReport?.Invoke(status, decoder);
            }
        }

        DsmrStatus end = decoder.Finish(true);
        if (end != DsmrStatus.NeedMoreData)
        {
            statuses.Add(end);
            onReport?.Invoke(end, decoder);
        }

        return statuses;
    }
}
