using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;

namespace Concentrator.Host.Simulation.Dlms;

/// <summary>A simulated Profile generic: its columns, its capture period and how much history it keeps.</summary>
public sealed record CosemProfileDefinition(ObisCode Name, uint CapturePeriodSeconds, int Depth, CosemAttributeDescriptor[] Columns);
