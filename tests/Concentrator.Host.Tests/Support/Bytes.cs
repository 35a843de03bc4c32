using System;

namespace Concentrator.Host.Tests.Support;

/// <summary>Byte vectors written as hex ("30 07 00 03") in tests.</summary>
public static class Bytes
{
    public static byte[] FromHex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string ToHex(byte[] bytes) => Convert.ToHexString(bytes);
}
