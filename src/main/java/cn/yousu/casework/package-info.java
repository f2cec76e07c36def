/**
 * The case (诉求件) and its lifecycle: the aggregate that decides every transition of DESIGN §4–§5, its
 * append-only timeline, storage, the staff API for actions, and the archive dossier.
 */
package cn.yousu.casework;
