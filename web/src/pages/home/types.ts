export interface HomeStats {
  agencies: number;
  officers: number;
  certificates: { valid: number; expired: number; suspended: number; revoked: number };
}

export interface ChartSlice {
  key: string;
  name: string;
  value: number;
  color: string;
}
