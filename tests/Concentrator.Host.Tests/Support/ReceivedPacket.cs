using Concentrator.Host.Mqtt;

namespace Concentrator.Host.Tests.Support;

/// <summary>A packet as <see cref="FakeMqttServerConnection"/> received it: type, fixed header flags and body bytes.</summary>
public sealed record ReceivedPacket(MqttPacketType Type, byte Flags, byte[] Body);
