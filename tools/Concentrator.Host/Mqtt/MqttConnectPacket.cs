using System;

namespace Concentrator.Host.Mqtt;

/// <summary>CONNECT, the first packet a client sends (MQTT 3.1.1 3.1).</summary>
public readonly record struct MqttConnectPacket
{
    public const string ProtocolName = "MQTT";

    /// <summary>Protocol level 4 means MQTT 3.1.1 (3.1.2.2).</summary>
    public const byte ProtocolLevel = 4;

    // Connect Flags bits (3.1.2.3, Figure 3.4).
    private const byte CleanSessionFlag = 0x02;
    private const byte WillFlag = 0x04;
    private const byte WillQualityOfServiceMask = 0x18;
    private const int WillQualityOfServiceShift = 3;
    private const byte WillRetainFlag = 0x20;
    private const byte PasswordFlag = 0x40;
    private const byte UserNameFlag = 0x80;
    private const byte ReservedFlag = 0x01;

    // Protocol Name (6), Protocol Level (1), Connect Flags (1), Keep Alive (2): 3.1.2.
    private const int VariableHeaderSize = 10;

    public MqttConnectPacket()
    {
    }

    public string ClientIdentifier { get; init; } = string.Empty;

    public bool CleanSession { get; init; } = true;

    /// <summary>Seconds; 0 turns the keep-alive mechanism off (3.1.2.10).</summary>
    public ushort KeepAliveSeconds { get; init; }

    public string? UserName { get; init; }

    /// <summary>Binary data (3.1.3.5); only allowed together with a user name (3.1.2-22).</summary>
    public byte[]? Password { get; init; }

    public MqttLastWill? Will { get; init; }

    /// <summary>Appends the packet to <paramref name="writer"/>. Throws on values the spec does not allow.</summary>
    public void Encode(MqttPacketWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ClientIdentifier, nameof(ClientIdentifier));
        if (ClientIdentifier.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("An empty client identifier needs CleanSession (MQTT 3.1.1 3.1.3-7).", nameof(ClientIdentifier));
        }

        if (Password is not null && UserName is null)
        {
            throw new ArgumentException("A password needs a user name (MQTT 3.1.1 3.1.2-22).", nameof(Password));
        }

        byte connectFlags = CleanSession ? CleanSessionFlag : (byte)0;
        int remainingLength = VariableHeaderSize + MqttPacketWriter.GetStringSize(ClientIdentifier);
        if (Will is not null)
        {
            Will.Validate();
            connectFlags |= WillFlag;
            connectFlags |= (byte)((byte)Will.QualityOfService << WillQualityOfServiceShift);
            if (Will.Retain)
            {
                connectFlags |= WillRetainFlag;
            }

            remainingLength += MqttPacketWriter.GetStringSize(Will.Topic) + MqttPacketWriter.GetBinarySize(Will.Message);
        }

        if (UserName is not null)
        {
            connectFlags |= UserNameFlag;
            remainingLength += MqttPacketWriter.GetStringSize(UserName);
        }

        if (Password is not null)
        {
            connectFlags |= PasswordFlag;
            remainingLength += MqttPacketWriter.GetBinarySize(Password);
        }

        writer.WriteFixedHeader(MqttPacketType.Connect, 0, remainingLength);
        writer.WriteString(ProtocolName);
        writer.WriteByte(ProtocolLevel);
        writer.WriteByte(connectFlags);
        writer.WriteUInt16(KeepAliveSeconds);

        // Payload order is fixed: 3.1.3.
        writer.WriteString(ClientIdentifier);
        if (Will is not null)
        {
            writer.WriteString(Will.Topic);
            writer.WriteBinary(Will.Message);
        }

        if (UserName is not null)
        {
            writer.WriteString(UserName);
        }

        if (Password is not null)
        {
            writer.WriteBinary(Password);
        }
    }

    /// <summary>Decodes a CONNECT body (variable header and payload) as a server would.</summary>
    public static MqttDecodeStatus TryDecode(byte[] body, int offset, int length, out MqttConnectPacket packet)
    {
        packet = default;
        MqttPacketReader reader = new(body, offset, length);

        MqttDecodeStatus status = reader.TryReadString(out string protocolName);
        if (status != MqttDecodeStatus.Ok)
        {
            return status;
        }

        if (protocolName != ProtocolName)
        {
            return MqttDecodeStatus.InvalidProtocolName; // 3.1.2-1
        }

        if (!reader.TryReadByte(out byte level) || !reader.TryReadByte(out byte flags) || !reader.TryReadUInt16(out ushort keepAlive))
        {
            return MqttDecodeStatus.Truncated;
        }

        if (level != ProtocolLevel)
        {
            return MqttDecodeStatus.UnsupportedProtocolLevel; // 3.1.2-2
        }

        bool hasWill = (flags & WillFlag) != 0;
        int willQualityOfService = (flags & WillQualityOfServiceMask) >> WillQualityOfServiceShift;
        bool willRetain = (flags & WillRetainFlag) != 0;
        bool hasUserName = (flags & UserNameFlag) != 0;
        bool hasPassword = (flags & PasswordFlag) != 0;
        if ((flags & ReservedFlag) != 0 // 3.1.2-3
            || (!hasWill && (willQualityOfService != 0 || willRetain)) // 3.1.2-11, 3.1.2-13, 3.1.2-15
            || (!hasUserName && hasPassword)) // 3.1.2-22
        {
            return MqttDecodeStatus.InvalidConnectFlags;
        }

        if (willQualityOfService == 3)
        {
            return MqttDecodeStatus.InvalidQualityOfService; // 3.1.2-14
        }

        status = reader.TryReadString(out string clientIdentifier);
        if (status != MqttDecodeStatus.Ok)
        {
            return status;
        }

        MqttLastWill? will = null;
        if (hasWill)
        {
            status = reader.TryReadString(out string willTopic);
            if (status != MqttDecodeStatus.Ok)
            {
                return status;
            }

            if (!MqttTopic.IsValidTopicName(willTopic))
            {
                return MqttDecodeStatus.InvalidTopicName;
            }

            if (!reader.TryReadBinary(out byte[] willMessage))
            {
                return MqttDecodeStatus.Truncated;
            }

            will = new MqttLastWill(willTopic, willMessage, (MqttQualityOfService)willQualityOfService, willRetain);
        }

        string? userName = null;
        if (hasUserName)
        {
            status = reader.TryReadString(out string readUserName);
            if (status != MqttDecodeStatus.Ok)
            {
                return status;
            }

            userName = readUserName;
        }

        byte[]? password = null;
        if (hasPassword)
        {
            if (!reader.TryReadBinary(out byte[] readPassword))
            {
                return MqttDecodeStatus.Truncated;
            }

            password = readPassword;
        }

        if (reader.Remaining != 0)
        {
            return MqttDecodeStatus.TrailingBytes;
        }

        packet = new MqttConnectPacket
        {
            ClientIdentifier = clientIdentifier,
            CleanSession = (flags & CleanSessionFlag) != 0,
            KeepAliveSeconds = keepAlive,
            UserName = userName,
            Password = password,
            Will = will,
        };
        return MqttDecodeStatus.Ok;
    }
}
