namespace Concentrator.Host.Simulation.Dlms;

/// <summary>One row of the manual's object table.</summary>
public sealed record E350CosemObject(string Obis, ushort ClassId, string Description);
