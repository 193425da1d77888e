export interface BackupInfo {
  name: string;
  path: string;
  createdAt: string;
  sizeBytes: number;
}
