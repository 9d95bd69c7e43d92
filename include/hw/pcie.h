/* The PCI Express capability (ID 0x10, PCI Express Base 7.5.3) and the
 * extended capabilities in 0x100-0xFFF (7.6 onwards) that QEMU's devices
 * carry. Offsets from the capability's start; width, access; map only. */
#ifndef HW_PCIE_H
#define HW_PCIE_H

#define PCI_EXP_FLAGS           0x2     /* 16, RO: capability version, port type */
#define PCI_EXP_FLAGS_VERS      0x000F
#define PCI_EXP_FLAGS_TYPE_SHIFT 4      /*   bits 7:4: device/port type */
#define PCI_EXP_FLAGS_TYPE_MASK 0x00F0
#define PCI_EXP_FLAGS_SLOT      0x0100  /*   slot implemented */
#define PCI_EXP_FLAGS_IRQ_SHIFT 9       /*   bits 13:9: interrupt message number */
#define PCI_EXP_FLAGS_IRQ_MASK  0x3E00
/* Device/port types. */
#define PCI_EXP_TYPE_ENDPOINT   0x0
#define PCI_EXP_TYPE_LEG_END    0x1
#define PCI_EXP_TYPE_ROOT_PORT  0x4
#define PCI_EXP_TYPE_UPSTREAM   0x5
#define PCI_EXP_TYPE_DOWNSTREAM 0x6
#define PCI_EXP_TYPE_PCI_BRIDGE 0x7     /* PCIe to PCI/PCI-X */
#define PCI_EXP_TYPE_PCIE_BRIDGE 0x8    /* PCI/PCI-X to PCIe */
#define PCI_EXP_TYPE_ROOT_INT_EP 0x9    /* root complex integrated endpoint */
#define PCI_EXP_TYPE_ROOT_EC    0xA     /* root complex event collector */

#define PCI_EXP_DEVCAP          0x4     /* 32, RO */
#define PCI_EXP_DEVCAP_PAYLOAD  0x00000007
#define PCI_EXP_DEVCAP_PHANTOM  0x00000018
#define PCI_EXP_DEVCAP_EXT_TAG  0x00000020
#define PCI_EXP_DEVCAP_L0S      0x000001C0
#define PCI_EXP_DEVCAP_L1       0x00000E00
#define PCI_EXP_DEVCAP_ATN_BUT  0x00001000
#define PCI_EXP_DEVCAP_ATN_IND  0x00002000
#define PCI_EXP_DEVCAP_PWR_IND  0x00004000
#define PCI_EXP_DEVCAP_RBE      0x00008000  /* role-based error reporting */
#define PCI_EXP_DEVCAP_PWR_VAL  0x03FC0000
#define PCI_EXP_DEVCAP_PWR_SCL  0x0C000000
#define PCI_EXP_DEVCAP_FLRESET  0x10000000
#define PCI_EXP_DEVCTL          0x8     /* 16, RW */
#define PCI_EXP_DEVCTL_CERE     0x0001
#define PCI_EXP_DEVCTL_NFERE    0x0002
#define PCI_EXP_DEVCTL_FERE     0x0004
#define PCI_EXP_DEVCTL_URRE     0x0008
#define PCI_EXP_DEVCTL_RELAXED  0x0010
#define PCI_EXP_DEVCTL_PAYLOAD  0x00E0
#define PCI_EXP_DEVCTL_EXT_TAG  0x0100
#define PCI_EXP_DEVCTL_PHANTOM  0x0200
#define PCI_EXP_DEVCTL_AUX_PME  0x0400
#define PCI_EXP_DEVCTL_NOSNOOP  0x0800
#define PCI_EXP_DEVCTL_READRQ   0x7000
#define PCI_EXP_DEVCTL_BCRE     0x8000  /* bridge configuration retry (PCIe-PCI bridges) */
#define PCI_EXP_DEVCTL_FLRESET  0x8000  /* function level reset (endpoints) */
#define PCI_EXP_DEVSTA          0xA     /* 16, RW1C */
#define PCI_EXP_DEVSTA_CED      0x0001
#define PCI_EXP_DEVSTA_NFED     0x0002
#define PCI_EXP_DEVSTA_FED      0x0004
#define PCI_EXP_DEVSTA_URD      0x0008
#define PCI_EXP_DEVSTA_AUXPD    0x0010
#define PCI_EXP_DEVSTA_TRPND    0x0020
#define PCI_EXP_LNKCAP          0xC     /* 32, RO */
#define PCI_EXP_LNKCAP_SPEED    0x0000000F
#define PCI_EXP_LNKCAP_WIDTH    0x000003F0
#define PCI_EXP_LNKCAP_ASPM     0x00000C00
#define PCI_EXP_LNKCAP_L0S      0x00007000
#define PCI_EXP_LNKCAP_L1       0x00038000
#define PCI_EXP_LNKCAP_CLOCKPM  0x00040000
#define PCI_EXP_LNKCAP_SURPRISE 0x00080000
#define PCI_EXP_LNKCAP_DLLA     0x00100000
#define PCI_EXP_LNKCAP_LBNC     0x00200000
#define PCI_EXP_LNKCAP_AOC      0x00400000
#define PCI_EXP_LNKCAP_PORT_SHIFT 24
#define PCI_EXP_LNKCTL          0x10    /* 16, RW */
#define PCI_EXP_LNKCTL_ASPM     0x0003
#define PCI_EXP_LNKCTL_RCB      0x0008
#define PCI_EXP_LNKCTL_DISABLE  0x0010
#define PCI_EXP_LNKCTL_RETRAIN  0x0020
#define PCI_EXP_LNKCTL_CLOCK    0x0040
#define PCI_EXP_LNKCTL_XSYNCH   0x0080
#define PCI_EXP_LNKCTL_CLOCKPM  0x0100
#define PCI_EXP_LNKCTL_HWAUTWD  0x0200
#define PCI_EXP_LNKCTL_BWMIE    0x0400
#define PCI_EXP_LNKCTL_AUTBWIE  0x0800
#define PCI_EXP_LNKSTA          0x12    /* 16, RO/RW1C */
#define PCI_EXP_LNKSTA_SPEED    0x000F
#define PCI_EXP_LNKSTA_WIDTH    0x03F0
#define PCI_EXP_LNKSTA_TR_ERR   0x0400
#define PCI_EXP_LNKSTA_TRAIN    0x0800
#define PCI_EXP_LNKSTA_SL_CLK   0x1000
#define PCI_EXP_LNKSTA_DL_ACT   0x2000
#define PCI_EXP_LNKSTA_BWMGMT   0x4000
#define PCI_EXP_LNKSTA_AUTBW    0x8000
#define PCI_EXP_SLTCAP          0x14    /* 32, RO */
#define PCI_EXP_SLTCAP_ATNB     0x00000001
#define PCI_EXP_SLTCAP_PWRC     0x00000002
#define PCI_EXP_SLTCAP_MRL      0x00000004
#define PCI_EXP_SLTCAP_ATNI     0x00000008
#define PCI_EXP_SLTCAP_PWRI     0x00000010
#define PCI_EXP_SLTCAP_HPS      0x00000020  /* hot-plug surprise */
#define PCI_EXP_SLTCAP_HPC      0x00000040  /* hot-plug capable */
#define PCI_EXP_SLTCAP_PWR_VAL  0x00007F80
#define PCI_EXP_SLTCAP_PWR_SCL  0x00018000
#define PCI_EXP_SLTCAP_INTERLOCK 0x00020000
#define PCI_EXP_SLTCAP_NOCMDCOMP 0x00040000
#define PCI_EXP_SLTCAP_PSN_SHIFT 19     /*   bits 31:19: physical slot number */
#define PCI_EXP_SLTCTL          0x18    /* 16, RW */
#define PCI_EXP_SLTCTL_ATNB     0x0001
#define PCI_EXP_SLTCTL_PWRF     0x0002
#define PCI_EXP_SLTCTL_MRLS     0x0004
#define PCI_EXP_SLTCTL_PRSD     0x0008
#define PCI_EXP_SLTCTL_CMDC     0x0010
#define PCI_EXP_SLTCTL_HPIE     0x0020
#define PCI_EXP_SLTCTL_ATNI     0x00C0
#define PCI_EXP_SLTCTL_PWRI     0x0300
#define PCI_EXP_SLTCTL_PWRC     0x0400
#define PCI_EXP_SLTCTL_INTERLOCK 0x0800
#define PCI_EXP_SLTCTL_LLCHG    0x1000
#define PCI_EXP_SLTSTA          0x1A    /* 16, RO/RW1C */
#define PCI_EXP_SLTSTA_ATNB     0x0001
#define PCI_EXP_SLTSTA_PWRF     0x0002
#define PCI_EXP_SLTSTA_MRLS     0x0004
#define PCI_EXP_SLTSTA_PRSD     0x0008
#define PCI_EXP_SLTSTA_CMDC     0x0010
#define PCI_EXP_SLTSTA_MRL_ST   0x0020
#define PCI_EXP_SLTSTA_PRES     0x0040
#define PCI_EXP_SLTSTA_INTERLOCK 0x0080
#define PCI_EXP_SLTSTA_LLCHG    0x0100
#define PCI_EXP_RTCTL           0x1C    /* 16, RW */
#define PCI_EXP_RTCTL_SECEE     0x0001
#define PCI_EXP_RTCTL_SENFEE    0x0002
#define PCI_EXP_RTCTL_SEFEE     0x0004
#define PCI_EXP_RTCTL_PMEIE     0x0008
#define PCI_EXP_RTCTL_CRSVIS    0x0010
#define PCI_EXP_RTCAP           0x1E    /* 16, RO */
#define PCI_EXP_RTCAP_CRSVIS    0x0001
#define PCI_EXP_RTSTA           0x20    /* 32, RW1C */
#define PCI_EXP_RTSTA_PME_REQID 0x0000FFFF
#define PCI_EXP_RTSTA_PME_STATUS 0x00010000
#define PCI_EXP_RTSTA_PME_PENDING 0x00020000
/* Capability version 2 and up. */
#define PCI_EXP_DEVCAP2         0x24    /* 32, RO */
#define PCI_EXP_DEVCAP2_TIMEOUT_RANGE 0x0000000F
#define PCI_EXP_DEVCAP2_TIMEOUT_DIS 0x00000010
#define PCI_EXP_DEVCAP2_ARI     0x00000020
#define PCI_EXP_DEVCAP2_ATOMICOP_ROUTING 0x00000040
#define PCI_EXP_DEVCAP2_32BIT_ATOMICOP 0x00000080
#define PCI_EXP_DEVCAP2_64BIT_ATOMICOP 0x00000100
#define PCI_EXP_DEVCAP2_128BIT_CAS 0x00000200
#define PCI_EXP_DEVCAP2_NROPRPRP 0x00000400
#define PCI_EXP_DEVCAP2_LTR     0x00000800
#define PCI_EXP_DEVCAP2_TPH_SHIFT 12    /*   bits 13:12 */
#define PCI_EXP_DEVCAP2_LN_CLS_SHIFT 14 /*   bits 15:14 */
#define PCI_EXP_DEVCAP2_10BIT_TAG_COMP 0x00010000
#define PCI_EXP_DEVCAP2_10BIT_TAG_REQ 0x00020000
#define PCI_EXP_DEVCAP2_OBFF_SHIFT 18   /*   bits 19:18 */
#define PCI_EXP_DEVCAP2_EXTFMT  0x00100000
#define PCI_EXP_DEVCAP2_EE_TLP  0x00200000
#define PCI_EXP_DEVCAP2_MEE_TLP_SHIFT 22 /*  bits 23:22 */
#define PCI_EXP_DEVCAP2_EPR_SHIFT 24    /*   bits 25:24 */
#define PCI_EXP_DEVCAP2_EPR_INIT 0x04000000
#define PCI_EXP_DEVCAP2_FRS     0x80000000u
#define PCI_EXP_DEVCTL2         0x28    /* 16, RW */
#define PCI_EXP_DEVCTL2_TIMEOUT_VALUE 0x000F
#define PCI_EXP_DEVCTL2_TIMEOUT_DIS 0x0010
#define PCI_EXP_DEVCTL2_ARI     0x0020
#define PCI_EXP_DEVCTL2_ATOMICOP_REQ 0x0040
#define PCI_EXP_DEVCTL2_ATOMICOP_EGRESS_BLOCK 0x0080
#define PCI_EXP_DEVCTL2_LTR     0x0400
#define PCI_EXP_DEVCTL2_10BIT_TAG_REQ 0x1000
#define PCI_EXP_DEVCTL2_OBFF_SHIFT 13   /*   bits 14:13 */
#define PCI_EXP_LNKCAP2         0x2C    /* 32, RO */
#define PCI_EXP_LNKCAP2_SPEED_SHIFT 1   /*   bits 7:1: supported speeds vector */
#define PCI_EXP_LNKCAP2_CROSSLINK 0x00000100
#define PCI_EXP_LNKCAP2_RETIMER 0x00800000
#define PCI_EXP_LNKCAP2_2RETIMERS 0x01000000
#define PCI_EXP_LNKCAP2_DRS     0x80000000u
#define PCI_EXP_LNKCTL2         0x30    /* 16, RW */
#define PCI_EXP_LNKCTL2_SPEED   0x000F
#define PCI_EXP_LNKCTL2_CMPLNC  0x0010
#define PCI_EXP_LNKCTL2_SPEED_DIS 0x0020
#define PCI_EXP_LNKCTL2_DEEMPHASIS 0x0040
#define PCI_EXP_LNKCTL2_MARGIN_SHIFT 7  /*   bits 9:7 */
#define PCI_EXP_LNKCTL2_MOD_CMPLNC 0x0400
#define PCI_EXP_LNKCTL2_CMPLNC_SOS 0x0800
#define PCI_EXP_LNKCTL2_COM_DEEMPHASIS_SHIFT 12 /* bits 15:12 */
#define PCI_EXP_LNKSTA2         0x32    /* 16, RO */
#define PCI_EXP_LNKSTA2_DEEMPHASIS 0x0001
#define PCI_EXP_LNKSTA2_EQU_COMP 0x0002
#define PCI_EXP_LNKSTA2_EQU_PHASE1 0x0004
#define PCI_EXP_LNKSTA2_EQU_PHASE2 0x0008
#define PCI_EXP_LNKSTA2_EQU_PHASE3 0x0010
#define PCI_EXP_LNKSTA2_EQU_REQ 0x0020
#define PCI_EXP_LNKSTA2_RETIMER 0x0040
#define PCI_EXP_LNKSTA2_2RETIMERS 0x0080
#define PCI_EXP_LNKSTA2_CROSSLINK_SHIFT 8 /* bits 9:8 */
#define PCI_EXP_LNKSTA2_COMPONENT_SHIFT 12 /* bits 14:12 */
#define PCI_EXP_LNKSTA2_DRS_RCVD 0x8000

/* Extended capabilities: a 32-bit header at 0x100 and at each next pointer. */
#define PCIE_EXT_CAP_ID(h)      ((h) & 0xFFFF)
#define PCIE_EXT_CAP_VER(h)     (((h) >> 16) & 0xF)
#define PCIE_EXT_CAP_NEXT(h)    (((h) >> 20) & 0xFFC)
#define PCI_EXT_CAP_ID_AER      0x0001  /* advanced error reporting */
#define PCI_EXT_CAP_ID_DSN      0x0003  /* device serial number */
#define PCI_EXT_CAP_ID_ACS      0x000D  /* access control services */
#define PCI_EXT_CAP_ID_ARI      0x000E  /* alternative routing-ID */
#define PCI_EXT_CAP_ID_ATS      0x000F
#define PCI_EXT_CAP_ID_SRIOV    0x0010

/* AER (PCI Express Base 7.8.4). */
#define PCI_ERR_UNCOR_STATUS    0x04    /* 32, RW1C */
#define PCI_ERR_UNCOR_MASK      0x08    /* 32, RW */
#define PCI_ERR_UNCOR_SEVER     0x0C    /* 32, RW */
#define PCI_ERR_COR_STATUS      0x10    /* 32, RW1C */
#define PCI_ERR_COR_MASK        0x14    /* 32, RW */
#define PCI_ERR_CAP             0x18    /* 32, RW: first error pointer, ECRC */
#define PCI_ERR_CAP_FEP_MASK    0x0000001F
#define PCI_ERR_CAP_ECRC_GENC   0x00000020
#define PCI_ERR_CAP_ECRC_GENE   0x00000040
#define PCI_ERR_CAP_ECRC_CHKC   0x00000080
#define PCI_ERR_CAP_ECRC_CHKE   0x00000100
#define PCI_ERR_CAP_MULT_HDRC   0x00000200
#define PCI_ERR_CAP_MULT_HDRE   0x00000400
#define PCI_ERR_CAP_TLP_PREFIX  0x00000800
#define PCI_ERR_CAP_HDR_LOG     0x00001000
#define PCI_ERR_HEADER_LOG      0x1C    /* 4 x 32, RO */
#define PCI_ERR_ROOT_COMMAND    0x2C    /* 32, RW (root ports, event collectors) */
#define PCI_ERR_ROOT_STATUS     0x30    /* 32, RW1C */
#define PCI_ERR_ROOT_ERR_SRC    0x34    /* 32, RO: correctable source 15:0, other 31:16 */
/* Uncorrectable error bits (status, mask, severity). */
#define PCI_ERR_UNC_DLP         0x00000010
#define PCI_ERR_UNC_SDES        0x00000020
#define PCI_ERR_UNC_POISON_TLP  0x00001000
#define PCI_ERR_UNC_FCP         0x00002000
#define PCI_ERR_UNC_COMP_TIME   0x00004000
#define PCI_ERR_UNC_COMP_ABORT  0x00008000
#define PCI_ERR_UNC_UNX_COMP    0x00010000
#define PCI_ERR_UNC_RX_OVER     0x00020000
#define PCI_ERR_UNC_MALF_TLP    0x00040000
#define PCI_ERR_UNC_ECRC        0x00080000
#define PCI_ERR_UNC_UNSUP       0x00100000
#define PCI_ERR_UNC_ACS_VIOL    0x00200000
#define PCI_ERR_UNC_INTN        0x00400000
#define PCI_ERR_UNC_MC_BLOCKED  0x00800000
#define PCI_ERR_UNC_ATOMIC_EGRESS 0x01000000
#define PCI_ERR_UNC_TLP_PREFIX  0x02000000
/* Correctable error bits (status, mask). */
#define PCI_ERR_COR_RCVR        0x00000001
#define PCI_ERR_COR_BAD_TLP     0x00000040
#define PCI_ERR_COR_BAD_DLLP    0x00000080
#define PCI_ERR_COR_REP_ROLL    0x00000100
#define PCI_ERR_COR_REP_TIMER   0x00001000
#define PCI_ERR_COR_REP_ANFE    0x00002000
#define PCI_ERR_COR_INTERNAL    0x00004000
#define PCI_ERR_COR_HDRLOG_OVER 0x00008000
/* Root error command and status. */
#define PCI_ERR_ROOT_CMD_COR_EN 0x00000001
#define PCI_ERR_ROOT_CMD_NONFATAL_EN 0x00000002
#define PCI_ERR_ROOT_CMD_FATAL_EN 0x00000004
#define PCI_ERR_ROOT_COR_RCV    0x00000001
#define PCI_ERR_ROOT_MULTI_COR_RCV 0x00000002
#define PCI_ERR_ROOT_UNCOR_RCV  0x00000004
#define PCI_ERR_ROOT_MULTI_UNCOR_RCV 0x00000008
#define PCI_ERR_ROOT_FIRST_FATAL 0x00000010
#define PCI_ERR_ROOT_NONFATAL_RCV 0x00000020
#define PCI_ERR_ROOT_FATAL_RCV  0x00000040
#define PCI_ERR_ROOT_MSG_SHIFT  27      /*   bits 31:27: interrupt message number */

/* Device serial number: two dwords. */
#define PCI_DSN_LOW             0x04    /* 32, RO */
#define PCI_DSN_HIGH            0x08    /* 32, RO */

/* ACS (7.7.8). */
#define PCI_ACS_CAP             0x04    /* 16, RO */
#define PCI_ACS_CTRL            0x06    /* 16, RW */
#define PCI_ACS_SV              0x0001
#define PCI_ACS_TB              0x0002
#define PCI_ACS_RR              0x0004
#define PCI_ACS_CR              0x0008
#define PCI_ACS_UF              0x0010
#define PCI_ACS_EC              0x0020
#define PCI_ACS_DT              0x0040

/* ARI (7.8.8). */
#define PCI_ARI_CAP             0x04    /* 16, RO */
#define PCI_ARI_CAP_MFVC        0x0001
#define PCI_ARI_CAP_ACS         0x0002
#define PCI_ARI_CAP_NFN_SHIFT   8       /*   bits 15:8: next function number */
#define PCI_ARI_CTRL            0x06    /* 16, RW */
#define PCI_ARI_CTRL_MFVC       0x0001
#define PCI_ARI_CTRL_ACS        0x0002
#define PCI_ARI_CTRL_FG_SHIFT   4       /*   bits 6:4: function group */

#endif
