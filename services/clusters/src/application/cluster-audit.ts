import type { IndustrialCluster } from '../domain/industrial-cluster';

/** Hectares as written in Vietnamese, with a decimal comma (62,5 ha). */
const hectares = (centiHa: number): string => `${String(centiHa / 100).replace('.', ',')} ha`;

export const clusterRegisteredSummary = (
  cluster: Pick<IndustrialCluster, 'code' | 'name' | 'totalAreaCentiHa'>,
): string =>
  `Đăng ký cụm công nghiệp ${cluster.code} "${cluster.name}", tổng diện tích ${hectares(cluster.totalAreaCentiHa)}`;
